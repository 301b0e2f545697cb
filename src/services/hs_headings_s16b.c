/* hs_headings_s16b.c — every heading (品目) of section XVI of the HS 2022, chapter 85: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s16b[] = {
    {"8501", "电动机及发电机（不包括发电机组）", "Electric motors and generators (excluding generating sets)"},
    {"8502", "发电机组及旋转式变流机", "Electric generating sets and rotary converters"},
    {"8503", "专用于或主要用于品目8501或8502所列机器的零件",
     "Parts suitable for use solely or principally with the machines of heading 85.01 or 85.02"},
    {"8504", "变压器、静止式变流器（例如，整流器）及电感器",
     "Electrical transformers, static converters (for example, rectifiers) and inductors"},
    {"8505",
     "电磁铁；永磁铁及磁化后准备制永磁铁的物品；电磁铁或永磁铁卡盘、夹具及类似的工件夹具；电磁联轴节、离合器及制动器；"
     "电磁起重吸盘",
     "Electro-magnets; permanent magnets and articles intended to become permanent magnets after magnetisation; "
     "electro-magnetic or permanent magnet chucks, clamps and similar holding devices; electro-magnetic couplings, "
     "clutches and brakes; electro-magnetic lifting heads"},
    {"8506", "原电池及原电池组", "Primary cells and primary batteries"},
    {"8507", "蓄电池，包括隔板，不论是否矩形（包括正方形）",
     "Electric accumulators, including separators therefor, whether or not rectangular (including square)"},
    {"8508", "真空吸尘器", "Vacuum cleaners"},
    {"8509", "家用电动器具，装有电动机，但品目8508的真空吸尘器除外",
     "Electro-mechanical domestic appliances, with self-contained electric motor, other than vacuum cleaners of "
     "heading 85.08"},
    {"8510", "电动剃须刀、电动毛发推剪及电动脱毛器",
     "Shavers, hair clippers and hair-removing appliances, with self-contained electric motor"},
    {"8511",
     "点燃式或压燃式内燃发动机用的电点火及电启动装置（例如，点火磁电机、永磁直流发电机、点火线圈、火花塞、电热塞及启动"
     "电机）；附属于上述内燃发动机的发电机（例如，直流发电机、交流发电机）及断流器",
     "Electrical ignition or starting equipment of a kind used for spark-ignition or compression-ignition internal "
     "combustion engines (for example, ignition magnetos, ignition coils, sparking plugs and glow plugs, starter "
     "motors); generators and cut-outs of a kind used in conjunction with such engines"},
    {"8512", "自行车或机动车辆用的电气照明或信号装置（品目8539的物品除外）、风挡刮水器、除霜器及去雾器",
     "Electrical lighting or signalling equipment (excluding articles of heading 85.39), windscreen wipers, defrosters "
     "and demisters, of a kind used for cycles or motor vehicles"},
    {"8513", "自供能源（例如，使用干电池、蓄电池、永磁发电机）的手提式电灯，但品目8512的照明装置除外",
     "Portable electric lamps designed to function by their own source of energy (for example, dry batteries, "
     "accumulators, magnetos), other than lighting equipment of heading 85.12"},
    {"8514",
     "工业或实验室用电炉及电烘箱（包括通过感应或介质损耗工作的）；工业或实验室用其他通过感应或介质损耗对材料进行热处理"
     "的设备",
     "Industrial or laboratory electric furnaces and ovens (including those functioning by induction or dielectric "
     "loss); other industrial or laboratory equipment for the heat treatment of materials by induction or dielectric "
     "loss"},
    {"8515",
     "电气（包括电热气体）、激光、其他光、光子束、超声波、电子束、磁脉冲或等离子弧焊接机器及装置，不论是否兼有切割功能"
     "；用于热喷金属或金属陶瓷的电气机器及装置",
     "Electric (including electrically heated gas), laser or other light or photon beam, ultrasonic, electron beam, "
     "magnetic pulse or plasma arc soldering, brazing or welding machines and apparatus, whether or not capable of "
     "cutting; electric machines and apparatus for hot spraying of metals or cermets"},
    {"8516",
     "电热的快速热水器、储存式热水器、浸入式液体加热器；电气空间加热器及土壤加热器；电热的理发器具及干手器；电熨斗；其"
     "他家用电热器具；加热电阻器，但品目8545的货品除外",
     "Electric instantaneous or storage water heaters and immersion heaters; electric space heating apparatus and soil "
     "heating apparatus; electro-thermic hair-dressing apparatus and hand dryers; electric smoothing irons; other "
     "electro-thermic appliances of a kind used for domestic purposes; electric heating resistors, other than those of "
     "heading 85.45"},
    {"8517",
     "电话机，包括用于蜂窝网络或其他无线网络的电话机；其他发送或接收声音、图像或其他数据用的设备，包括有线或无线网络（"
     "例如，局域网或广域网）的通信设备，但品目8443、8525、8527或8528的发送或接收设备除外",
     "Telephone sets, including smartphones and other telephones for cellular networks or for other wireless networks; "
     "other apparatus for the transmission or reception of voice, images or other data, including apparatus for "
     "communication in a wired or wireless network, other than apparatus of heading 84.43, 85.25, 85.27 or 85.28"},
    {"8518",
     "传声器（麦克风）及其座架；扬声器，不论是否装成音箱；耳机、耳塞，不论是否装有传声器，由传声器及一个或多个扬声器组"
     "成的组合机；音频扩大器；电气扩音机组",
     "Microphones and stands therefor; loudspeakers, whether or not mounted in their enclosures; headphones and "
     "earphones, whether or not combined with a microphone, and sets consisting of a microphone and one or more "
     "loudspeakers; audio-frequency electric amplifiers; electric sound amplifier sets"},
    {"8519", "声音录制或重放设备", "Sound recording or reproducing apparatus"},
    {"8521", "视频信号录制或重放设备，不论是否装有高频调谐放大器",
     "Video recording or reproducing apparatus, whether or not incorporating a video tuner"},
    {"8522", "专用于或主要用于品目8519或8521所列设备的零件、附件",
     "Parts and accessories suitable for use solely or principally with the apparatus of heading 85.19 or 85.21"},
    {"8523",
     "录制声音或其他信息用的圆盘、磁带、固态非易失性数据存储器件、“智能卡”及其他媒体，不论是否已录制，包括供复制唱片用"
     "的母片及母带，但不包括第三十七章的产品",
     "Discs, tapes, solid-state non-volatile storage devices, \"smart cards\" and other media for the recording of "
     "sound or of other phenomena, whether or not recorded, including matrices and masters for the production of "
     "discs, but excluding products of Chapter 37"},
    {"8524", "平板显示模组，不论是否装有触摸屏",
     "Flat panel display modules, whether or not incorporating touch-sensitive screens"},
    {"8525",
     "无线电广播、电视发送设备，不论是否装有接收装置或声音的录制、重放装置；电视摄像机、数字照相机及视频摄录一体机",
     "Transmission apparatus for radio-broadcasting or television, whether or not incorporating reception apparatus or "
     "sound recording or reproducing apparatus; television cameras, digital cameras and video camera recorders"},
    {"8526", "雷达设备、无线电导航设备及无线电遥控设备",
     "Radar apparatus, radio navigational aid apparatus and radio remote control apparatus"},
    {"8527", "无线电广播接收设备，不论是否与声音的录制、重放装置或时钟组合在同一机壳内",
     "Reception apparatus for radio-broadcasting, whether or not combined, in the same housing, with sound recording "
     "or reproducing apparatus or a clock"},
    {"8528", "监视器及投影机，未装电视接收装置；电视接收装置，不论是否装有无线电收音装置或声音、图像的录制或重放装置",
     "Monitors and projectors, not incorporating television reception apparatus; reception apparatus for television, "
     "whether or not incorporating radio-broadcast receivers or sound or video recording or reproducing apparatus"},
    {"8529", "专用于或主要用于品目8524至8528所列装置或设备的零件",
     "Parts suitable for use solely or principally with the apparatus of headings 85.24 to 85.28"},
    {"8530", "铁道、电车道、道路或内河航道、停车场、港口或机场用的电气信号、安全或交通管理设备（品目8608的货品除外）",
     "Electrical signalling, safety or traffic control equipment for railways, tramways, roads, inland waterways, "
     "parking facilities, port installations or airfields (other than those of heading 86.08)"},
    {"8531", "电气音响或视觉信号装置（例如，电铃、电笛、显示板、防盗或防火报警器），但品目8512或8530的货品除外",
     "Electric sound or visual signalling apparatus (for example, bells, sirens, indicator panels, burglar or fire "
     "alarms), other than those of heading 85.12 or 85.30"},
    {"8532", "固定、可变或可调（微调）电容器", "Electrical capacitors, fixed, variable or adjustable (pre-set)"},
    {"8533", "电阻器（包括变阻器及电位器），但加热电阻器除外",
     "Electrical resistors (including rheostats and potentiometers), other than heating resistors"},
    {"8534", "印刷电路", "Printed circuits"},
    {"8535",
     "电路的开关、保护或连接用的电气装置（例如，开关、熔断器、避雷器、电压限幅器、电涌抑制器、插头及其他连接器、接线盒"
     "），用于电压超过1000伏的线路",
     "Electrical apparatus for switching or protecting electrical circuits, or for making connections to or in "
     "electrical circuits (for example, switches, fuses, lightning arresters, voltage limiters, surge suppressors, "
     "plugs and other connectors, junction boxes), for a voltage exceeding 1,000 volts"},
    {"8536",
     "电路的开关、保护或连接用的电气装置（例如，开关、继电器、熔断器、电涌抑制器、插头、插座、灯座及其他连接器、接线盒"
     "），用于电压不超过1000伏的线路；光导纤维、光导纤维束或光缆用连接器",
     "Electrical apparatus for switching or protecting electrical circuits, or for making connections to or in "
     "electrical circuits (for example, switches, relays, fuses, surge suppressors, plugs, sockets, lamp-holders and "
     "other connectors, junction boxes), for a voltage not exceeding 1,000 volts; connectors for optical fibres, "
     "optical fibre bundles or cables"},
    {"8537",
     "用于电气控制或电力分配的盘、板、台、柜及其他基座，装有两个或多个品目8535或8536所列的装置，包括装有第九十章所列仪"
     "器或装置，以及数控装置，但品目8517的交换机除外",
     "Boards, panels, consoles, desks, cabinets and other bases, equipped with two or more apparatus of heading 85.35 "
     "or 85.36, for electric control or the distribution of electricity, including those incorporating instruments or "
     "apparatus of Chapter 90, and numerical control apparatus, other than switching apparatus of heading 85.17"},
    {"8538", "专用于或主要用于品目8535、8536或8537所列装置的零件",
     "Parts suitable for use solely or principally with the apparatus of heading 85.35, 85.36 or 85.37"},
    {"8539", "白炽灯泡、放电灯管，包括封闭式聚光灯及紫外线灯管或红外线灯泡；弧光灯；发光二极管（LED）光源",
     "Electric filament or discharge lamps, including sealed beam lamp units and ultra-violet or infra-red lamps; "
     "arc-lamps; light-emitting diode (LED) light sources"},
    {"8540",
     "热电子管、冷阴极管或光阴极管（例如，真空管或充气管、汞弧整流管、阴极射线管、电视摄像管），但品目8539的货品除外",
     "Thermionic, cold cathode or photo-cathode valves and tubes (for example, vacuum or vapour or gas filled valves "
     "and tubes, mercury arc rectifying valves and tubes, cathode-ray tubes, television camera tubes), other than "
     "those of heading 85.39"},
    {"8541",
     "半导体器件（例如，二极管、晶体管、半导体基换能器）；光敏半导体器件，包括不论是否装在组件内或组装成块的光电池；发"
     "光二极管（LED），不论是否与其他发光二极管（LED）组装；已装配的压电晶体",
     "Semiconductor devices (for example, diodes, transistors, semiconductor based transducers); photosensitive "
     "semiconductor devices, including photovoltaic cells whether or not assembled in modules or made up into panels; "
     "light-emitting diodes (LED), whether or not assembled with other LED; mounted piezo-electric crystals"},
    {"8542", "集成电路", "Electronic integrated circuits"},
    {"8543", "本章其他品目未列名的具有独立功能的电气设备及装置",
     "Electrical machines and apparatus, having individual functions, not specified or included elsewhere in this "
     "Chapter"},
    {"8544",
     "绝缘（包括漆包或阳极化处理）电线、电缆（包括同轴电缆）及其他绝缘电导体，不论是否有接头；由每根被覆光纤组成的光缆"
     "，不论是否与电导体装配或装有接头",
     "Insulated (including enamelled or anodised) wire, cable (including co-axial cable) and other insulated electric "
     "conductors, whether or not fitted with connectors; optical fibre cables, made up of individually sheathed "
     "fibres, whether or not assembled with electric conductors or fitted with connectors"},
    {"8545", "碳电极、碳刷、灯碳棒、电池碳棒及电气设备用的其他石墨或碳精制品，不论是否带金属",
     "Carbon electrodes, carbon brushes, lamp carbons, battery carbons and other articles of graphite or other carbon, "
     "with or without metal, of a kind used for electrical purposes"},
    {"8546", "各种材料制的绝缘子", "Electrical insulators of any material"},
    {"8547",
     "电气机器、器具或设备用的绝缘零件，除了为装配需要而在模制时装入的小金属零件（例如，螺纹孔）以外，全部用绝缘材料制"
     "成，但品目8546的绝缘子除外；内衬绝缘材料的贱金属制线路导管及接头",
     "Insulating fittings for electrical machines, appliances or equipment, being fittings wholly of insulating "
     "material apart from any minor components of metal incorporated during moulding solely for assembly, other than "
     "insulators of heading 85.46; electrical conduit tubing and joints therefor, of base metal lined with insulating "
     "material"},
    {"8548", "本章其他品目未列名的机器或设备的电气零件",
     "Electrical parts of machinery or apparatus, not specified or included elsewhere in this Chapter"},
    {"8549", "电子电气废弃物及碎料", "Electrical and electronic waste and scrap"},
    {NULL, NULL, NULL},
};
