/* hs_headings_s18.c — every heading (品目) of section XVIII of the HS 2022, chapters 90–92: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s18[] = {
    {"9001",
     "光导纤维及光导纤维束；光缆，但品目8544的货品除外；偏振材料制的片及板；未装配的各种材料制透镜（包括隐形眼镜片）、"
     "棱镜、反射镜及其他光学元件，但未经光学加工的玻璃元件除外",
     "Optical fibres and optical fibre bundles; optical fibre cables other than those of heading 85.44; sheets and "
     "plates of polarising material; lenses (including contact lenses), prisms, mirrors and other optical elements, of "
     "any material, unmounted, other than such elements of glass not optically worked"},
    {"9002",
     "已装配的各种材料制透镜、棱镜、反射镜及其他光学元件，作为仪器或装置的零件、配件，但未经光学加工的玻璃元件除外",
     "Lenses, prisms, mirrors and other optical elements, of any material, mounted, being parts of or fittings for "
     "instruments or apparatus, other than such elements of glass not optically worked"},
    {"9003", "眼镜架及其零件", "Frames and mountings for spectacles, goggles or the like, and parts thereof"},
    {"9004", "矫正视力、保护眼睛或其他用途的眼镜、挡风镜及类似品",
     "Spectacles, goggles and the like, corrective, protective or other"},
    {"9005", "双筒望远镜、单筒望远镜、其他光学望远镜及其座架；其他天文仪器及其座架，但不包括射电天文仪器",
     "Binoculars, monoculars, other optical telescopes, and mountings therefor; other astronomical instruments and "
     "mountings therefor, but not including instruments for radio-astronomy"},
    {"9006", "照相机（电影摄影机除外）；照相闪光灯装置及闪光灯泡，但品目8539的放电灯泡除外",
     "Photographic (other than cinematographic) cameras; photographic flashlight apparatus and flashbulbs other than "
     "discharge lamps of heading 85.39"},
    {"9007", "电影摄影机及放映机，不论是否带有声音的录制或重放装置",
     "Cinematographic cameras and projectors, whether or not incorporating sound recording or reproducing apparatus"},
    {"9008", "影像投影仪，但电影用的除外；照片（电影片除外）放大机及缩片机",
     "Image projectors, other than cinematographic; photographic (other than cinematographic) enlargers and reducers"},
    {"9010", "本章其他品目未列名的照相（包括电影）洗印用装置及设备；负片显示器；银幕及其他投影屏幕",
     "Apparatus and equipment for photographic (including cinematographic) laboratories, not specified or included "
     "elsewhere in this Chapter; negatoscopes; projection screens"},
    {"9011", "复式光学显微镜，包括用于显微照相、显微电影摄影及显微投影的",
     "Compound optical microscopes, including those for photomicrography, cinephotomicrography or microprojection"},
    {"9012", "显微镜，但光学显微镜除外；衍射设备", "Microscopes other than optical microscopes; diffraction apparatus"},
    {"9013", "其他品目未列名的液晶装置；激光器，但激光二极管除外；本章其他品目未列名的光学仪器及器具",
     "Liquid crystal devices not constituting articles provided for more specifically in other headings; lasers, other "
     "than laser diodes; other optical appliances and instruments, not specified or included elsewhere in this "
     "Chapter"},
    {"9014", "定向罗盘；其他导航仪器及装置",
     "Direction finding compasses; other navigational instruments and appliances"},
    {"9015", "大地测量（包括摄影测量）、水道测量、海洋、水文、气象或地球物理用仪器及装置，但罗盘除外；测距仪",
     "Surveying (including photogrammetrical surveying), hydrographic, oceanographic, hydrological, meteorological or "
     "geophysical instruments and appliances, excluding compasses; rangefinders"},
    {"9016", "感量为50毫克或更精密的天平，不论是否带有砝码",
     "Balances of a sensitivity of 5 cg or better, with or without weights"},
    {"9017",
     "绘图、划线或数学计算仪器及器具（例如，绘图机、比例绘图仪、分度规、绘图工具、计算尺及盘式计算器）；本章其他品目未"
     "列名的手用测量长度的器具（例如，量尺、量带、千分尺及卡尺）",
     "Drawing, marking-out or mathematical calculating instruments (for example, drafting machines, pantographs, "
     "protractors, drawing sets, slide rules, disc calculators); instruments for measuring length, for use in the hand "
     "(for example, measuring rods and tapes, micrometers, callipers), not specified or included elsewhere in this "
     "Chapter"},
    {"9018", "医疗、外科、牙科或兽医用仪器及器具，包括闪烁扫描装置、其他电气医疗装置及视力检查仪器",
     "Instruments and appliances used in medical, surgical, dental or veterinary sciences, including scintigraphic "
     "apparatus, other electro-medical apparatus and sight-testing instruments"},
    {"9019",
     "机械疗法器具；按摩器具；心理功能测验装置；臭氧治疗器、氧气治疗器、喷雾治疗器、人工呼吸器或其他治疗用呼吸器具",
     "Mechano-therapy appliances; massage apparatus; psychological aptitude-testing apparatus; ozone therapy, oxygen "
     "therapy, aerosol therapy, artificial respiration or other therapeutic respiration apparatus"},
    {"9020", "其他呼吸器具及防毒面具，但不包括既无机械零件又无可互换过滤器的防护面具",
     "Other breathing appliances and gas masks, excluding protective masks having neither mechanical parts nor "
     "replaceable filters"},
    {"9021",
     "矫形器具，包括支具、外科手术带、疝气带；夹板及其他骨折用具；人造的人体部分；助听器及为弥补生理缺陷或残疾而穿戴、"
     "携带或植入人体内的其他器具",
     "Orthopaedic appliances, including crutches, surgical belts and trusses; splints and other fracture appliances; "
     "artificial parts of the body; hearing aids and other appliances which are worn or carried, or implanted in the "
     "body, to compensate for a defect or disability"},
    {"9022",
     "X射线或α射线、β射线、γ射线或其他离子射线的应用设备，不论是否用于医疗、外科、牙科或兽医，包括射线照相及射线治疗设"
     "备，X射线管及其他X射线发生器、高压发生器、控制板及控制台、荧光屏、检查或治疗用的桌、椅及类似品",
     "Apparatus based on the use of X-rays or of alpha, beta, gamma or other ionising radiations, whether or not for "
     "medical, surgical, dental or veterinary uses, including radiography or radiotherapy apparatus, X-ray tubes and "
     "other X-ray generators, high tension generators, control panels and desks, screens, examination or treatment "
     "tables, chairs and the like"},
    {"9023", "专供示范（例如，教学或展览）而无其他用途的仪器、装置及模型",
     "Instruments, apparatus and models, designed for demonstrational purposes (for example, in education or "
     "exhibitions), unsuitable for other uses"},
    {"9024",
     "各种材料（例如，金属、木材、纺织材料、纸张、塑料）的硬度、强度、压缩性、弹性或其他机械性能的试验机器及器具",
     "Machines and appliances for testing the hardness, strength, compressibility, elasticity or other mechanical "
     "properties of materials (for example, metals, wood, textiles, paper, plastics)"},
    {"9025",
     "液体比重计及类似的浮子式仪器、温度计、高温计、气压计、湿度计、干湿球湿度计，不论是否带记录装置，以及这些仪器的组"
     "合件",
     "Hydrometers and similar floating instruments, thermometers, pyrometers, barometers, hygrometers and "
     "psychrometers, recording or not, and any combination of these instruments"},
    {"9026",
     "液体或气体的流量、液位、压力或其他变化量的测量或检验仪器及装置（例如，流量计、液位计、压力表、热量计），但品目901"
     "4、9015、9028或9032的仪器及装置除外",
     "Instruments and apparatus for measuring or checking the flow, level, pressure or other variables of liquids or "
     "gases (for example, flow meters, level gauges, manometers, heat meters), excluding instruments and apparatus of "
     "heading 90.14, 90.15, 90.28 or 90.32"},
    {"9027",
     "理化分析仪器及装置（例如，偏振仪、折光仪、分光仪、气体或烟雾分析仪）；测量或检验黏性、多孔性、膨胀性、表面张力及"
     "类似性能的仪器及装置；测量或检验热量、声量或光量的仪器及装置（包括曝光表）；切片机",
     "Instruments and apparatus for physical or chemical analysis (for example, polarimeters, refractometers, "
     "spectrometers, gas or smoke analysis apparatus); instruments for measuring or checking viscosity, porosity, "
     "expansion, surface tension or the like; instruments for measuring or checking quantities of heat, sound or light "
     "(including exposure meters); microtomes"},
    {"9028", "生产或供应气体、液体及电力用的计量仪表，包括它们的校准仪表",
     "Gas, liquid or electricity supply or production meters, including calibrating meters therefor"},
    {"9029",
     "转数计、产量计数器、车费计、里程计、步数计及类似仪表；速度计及转速表，但品目9014或9015的仪表除外；频闪观测仪",
     "Revolution counters, production counters, taximeters, mileometers, pedometers and the like; speed indicators and "
     "tachometers, other than those of heading 90.14 or 90.15; stroboscopes"},
    {"9030",
     "示波器、频谱分析仪及其他用于电量测量或检验的仪器和装置，但不包括品目9028的各种仪表；α射线、β射线、γ射线、X射线、"
     "宇宙射线或其他离子射线的测量或检验仪器及装置",
     "Oscilloscopes, spectrum analysers and other instruments and apparatus for measuring or checking electrical "
     "quantities, excluding meters of heading 90.28; instruments and apparatus for measuring or detecting alpha, beta, "
     "gamma, X-ray, cosmic or other ionising radiations"},
    {"9031", "本章其他品目未列名的测量或检验仪器、器具及机器；轮廓投影仪",
     "Measuring or checking instruments, appliances and machines, not specified or included elsewhere in this Chapter; "
     "profile projectors"},
    {"9032", "自动调节或控制仪器及装置", "Automatic regulating or controlling instruments and apparatus"},
    {"9033", "第九十章所列机器、器具、仪器或装置用的本章其他品目未列名的零件、附件",
     "Parts and accessories (not specified or included elsewhere in this Chapter) for machines, appliances, "
     "instruments or apparatus of Chapter 90"},
    {"9101", "表壳用贵金属或包贵金属制成的手表、怀表及其他表，包括秒表",
     "Wrist-watches, pocket-watches and other watches, including stop-watches, with case of precious metal or of metal "
     "clad with precious metal"},
    {"9102", "手表、怀表及其他表，包括秒表，但品目9101的货品除外",
     "Wrist-watches, pocket-watches and other watches, including stop-watches, other than those of heading 91.01"},
    {"9103", "以表芯装成的钟，但品目9104的钟除外", "Clocks with watch movements, excluding clocks of heading 91.04"},
    {"9104", "仪表板钟及车辆、航空器、航天器或船舶用的类似钟",
     "Instrument panel clocks and clocks of a similar type for vehicles, aircraft, spacecraft or vessels"},
    {"9105", "其他钟", "Other clocks"},
    {"9106", "时间记录器以及测量、记录或指示时间间隔的装置，装有钟、表机芯或同步电动机（例如，考勤钟、时刻记录器）",
     "Time of day recording apparatus and apparatus for measuring, recording or otherwise indicating intervals of "
     "time, with clock or watch movement or with synchronous motor (for example, time-registers, time-recorders)"},
    {"9107", "装有钟、表机芯或同步电动机的定时开关",
     "Time switches with clock or watch movement or with synchronous motor"},
    {"9108", "已组装的完整表芯", "Watch movements, complete and assembled"},
    {"9109", "已组装的完整钟芯", "Clock movements, complete and assembled"},
    {"9110", "未组装或部分组装的完整钟、表机芯（机芯套装）；已组装的不完整钟、表机芯；未组装的不完整钟、表机芯",
     "Complete watch or clock movements, unassembled or partly assembled (movement sets); incomplete watch or clock "
     "movements, assembled; rough watch or clock movements"},
    {"9111", "表壳及其零件", "Watch cases and parts thereof"},
    {"9112", "钟壳和本章所列其他货品的类似外壳及其零件",
     "Clock cases and cases of a similar type for other goods of this Chapter, and parts thereof"},
    {"9113", "表带及其零件", "Watch straps, watch bands and watch bracelets, and parts thereof"},
    {"9114", "钟、表的其他零件", "Other clock or watch parts"},
    {"9201", "钢琴，包括自动钢琴；拨弦古钢琴及其他键盘弦乐器",
     "Pianos, including automatic pianos; harpsichords and other keyboard stringed instruments"},
    {"9202", "其他弦乐器（例如，吉他、小提琴、竖琴）",
     "Other string musical instruments (for example, guitars, violins, harps)"},
    {"9205", "管乐器（例如，键盘管风琴、手风琴、单簧管、小号、风笛），但游乐场风琴及手摇风琴除外",
     "Wind musical instruments (for example, keyboard pipe organs, accordions, clarinets, trumpets, bagpipes), other "
     "than fairground organs and mechanical street organs"},
    {"9206", "打击乐器（例如，鼓、木琴、铙钹、响板、沙球）",
     "Percussion musical instruments (for example, drums, xylophones, cymbals, castanets, maracas)"},
    {"9207", "通过电产生或扩大声音的乐器（例如，电风琴、电吉他、电手风琴）",
     "Musical instruments, the sound of which is produced, or must be amplified, electrically (for example, organs, "
     "guitars, accordions)"},
    {"9208",
     "百音盒、游乐场风琴、手摇风琴、机械鸣禽、乐锯及本章其他品目未列名的其他乐器；各种媒诱音响器、哨子、号角、口吹音响"
     "信号器",
     "Musical boxes, fairground organs, mechanical street organs, mechanical singing birds, musical saws and other "
     "musical instruments not falling within any other heading of this Chapter; decoy calls of all kinds; whistles, "
     "call horns and other mouth-blown sound signalling instruments"},
    {"9209", "乐器的零件（例如，百音盒的机械装置）、附件（例如，机械乐器用的卡片、盘及带卷）；节拍器、音叉及各种定音管",
     "Parts (for example, mechanisms for musical boxes) and accessories (for example, cards, discs and rolls for "
     "mechanical instruments) of musical instruments; metronomes, tuning forks and pitch pipes of all kinds"},
    {NULL, NULL, NULL},
};
