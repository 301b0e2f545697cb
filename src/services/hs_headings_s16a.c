/* hs_headings_s16a.c — every heading (品目) of section XVI of the HS 2022, chapter 84: the
 * 4-digit code, the Chinese name as China's tariff (进出口税则) gives it and the English heading
 * text of the nomenclature, both shortened where very long. Data only, written by the team
 * from the public nomenclature; hs_headings.c lists the parts for navigation.c. */
#include "hs_headings.h"

const hs_heading hs_headings_s16a[] = {
    {"8458", "切削金属的车床（包括车削中心）", "Lathes (including turning centres) for removing metal"},
    {"8471", "自动数据处理设备及其部件；磁性或光学阅读机",
     "Automatic data-processing machines and units thereof; magnetic or optical readers"},
    {"8483",
     "传动轴及曲柄；轴承座及滑动轴承；齿轮及齿轮传动装置；滚珠或滚子螺杆；齿轮箱及其他变速装置；飞轮及滑轮；离合器及联"
     "轴器",
     "Transmission shafts and cranks; bearing housings and plain shaft bearings; gears and gearing; ball or roller "
     "screws; gear boxes and other speed changers; flywheels and pulleys; clutches and shaft couplings"},
    {NULL, NULL, NULL},
};
