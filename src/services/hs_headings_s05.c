/* hs_headings_s05.c — every heading (品目) of section V of the HS 2022, chapters 25–27: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s05[] = {
    {"2601", "铁矿砂及其精矿，包括焙烧黄铁矿", "Iron ores and concentrates, including roasted iron pyrites"},
    {"2602", "锰矿砂及其精矿", "Manganese ores and concentrates"},
    {"2603", "铜矿砂及其精矿", "Copper ores and concentrates"},
    {"2604", "镍矿砂及其精矿", "Nickel ores and concentrates"},
    {"2605", "钴矿砂及其精矿", "Cobalt ores and concentrates"},
    {"2606", "铝矿砂及其精矿", "Aluminium ores and concentrates"},
    {"2607", "铅矿砂及其精矿", "Lead ores and concentrates"},
    {"2608", "锌矿砂及其精矿", "Zinc ores and concentrates"},
    {"2609", "锡矿砂及其精矿", "Tin ores and concentrates"},
    {"2610", "铬矿砂及其精矿", "Chromium ores and concentrates"},
    {"2611", "钨矿砂及其精矿", "Tungsten ores and concentrates"},
    {"2612", "铀或钍矿砂及其精矿", "Uranium or thorium ores and concentrates"},
    {"2613", "钼矿砂及其精矿", "Molybdenum ores and concentrates"},
    {"2614", "钛矿砂及其精矿", "Titanium ores and concentrates"},
    {"2615", "铌、钽、钒或锆矿砂及其精矿", "Niobium, tantalum, vanadium or zirconium ores and concentrates"},
    {"2616", "贵金属矿砂及其精矿", "Precious metal ores and concentrates"},
    {"2617", "其他矿砂及其精矿", "Other ores and concentrates"},
    {"2618", "冶炼钢铁所产生的粒状熔渣（熔渣砂）", "Granulated slag (slag sand) from the manufacture of iron or steel"},
    {"2619", "冶炼钢铁所产生的熔渣、浮渣（粒状熔渣除外）、氧化皮及其他废料",
     "Slag, dross (other than granulated slag), scalings and other waste from the manufacture of iron or steel"},
    {"2620", "含有金属、砷及其化合物的矿渣、矿灰及残渣",
     "Slag, ash and residues (other than from the manufacture of iron or steel) containing metals, arsenic or their "
     "compounds"},
    {"2621", "其他矿渣及矿灰，包括海藻灰；焚化城市垃圾所产生的灰、渣",
     "Other slag and ash, including seaweed ash (kelp); ash and residues from the incineration of municipal waste"},
    {"2701", "煤；煤砖、煤球及用煤制成的类似固体燃料",
     "Coal; briquettes, ovoids and similar solid fuels manufactured from coal"},
    {"2702", "褐煤，不论是否制成型，但不包括黑玉", "Lignite, whether or not agglomerated, excluding jet"},
    {"2703", "泥煤（包括肥料用泥煤）", "Peat (including peat litter), whether or not agglomerated"},
    {"2704", "煤、褐煤或泥煤制成的焦炭及半焦炭；甑炭",
     "Coke and semi-coke of coal, of lignite or of peat; retort carbon"},
    {"2705", "煤气、水煤气、炉煤气及类似气体，但石油气及其他烃类气除外",
     "Coal gas, water gas, producer gas and similar gases, other than petroleum gases and other gaseous hydrocarbons"},
    {"2706", "从煤、褐煤或泥煤蒸馏所得的焦油及其他矿物焦油",
     "Tar distilled from coal, from lignite or from peat, and other mineral tars"},
    {"2707", "高温煤焦油蒸馏所得的油类及其他产品",
     "Oils and other products of the distillation of high temperature coal tar"},
    {"2708", "从煤焦油或其他矿物焦油所得的沥青及沥青焦",
     "Pitch and pitch coke, obtained from coal tar or from other mineral tars"},
    {"2709", "石油原油及从沥青矿物提取的原油", "Petroleum oils and oils obtained from bituminous minerals, crude"},
    {"2710", "石油及从沥青矿物提取的油类，但原油除外；废油",
     "Petroleum oils and oils obtained from bituminous minerals, other than crude; waste oils"},
    {"2711", "石油气及其他烃类气", "Petroleum gases and other gaseous hydrocarbons"},
    {"2712", "凡士林；石蜡、微晶石蜡、疏松石蜡、地蜡、褐煤蜡、泥煤蜡、其他矿物蜡及类似产品",
     "Petroleum jelly; paraffin wax, micro-crystalline petroleum wax, slack wax, ozokerite, lignite wax, peat wax, "
     "other mineral waxes"},
    {"2713", "石油焦、石油沥青及其他石油或从沥青矿物提取的油类的残渣",
     "Petroleum coke, petroleum bitumen and other residues of petroleum oils or of oils obtained from bituminous "
     "minerals"},
    {"2714", "天然沥青（地沥青）、沥青页岩、油页岩及焦油砂；沥青岩",
     "Bitumen and asphalt, natural; bituminous or oil shale and tar sands; asphaltites and asphaltic rocks"},
    {"2715", "以天然沥青、石油沥青、矿物焦油或矿物焦油沥青为基本成分的沥青混合物",
     "Bituminous mixtures based on natural asphalt, on natural bitumen, on petroleum bitumen, on mineral tar or on "
     "mineral tar pitch"},
    {"2716", "电力", "Electrical energy"},
    {NULL, NULL, NULL},
};
