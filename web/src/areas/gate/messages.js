// messages.js — the smart gate's words in Chinese and English (merged under `gate` by i18n.js).
// Conditions are keyed by the API's condition name, so that a hold reads in the officer's
// language whatever the server's English reason says.
export const zh = {
  reason: {
    vin: '车架号', container: '集装箱', noCard: '车道未读到IC卡', cardUnknown: 'IC卡 {card} 不是海关发放的卡',
    cardState: 'IC卡 {card} {state}', cardNoPlate: 'IC卡 {card} 未绑定车牌', noPlateForCard: '未读到车牌，无法与IC卡 {card} 核对',
    cardOtherPlate: 'IC卡 {card} 绑定车牌 {bound}，读到的是 {read}', boundPlate: '绑定车牌 {plate}',
    tagNoVin: '电子标签 {tag} 未绑定车架号', boundVin: '绑定车架号 {vin}', tagVinUnread: '电子标签 {tag} 绑定车架号 {vin}，但未读到',
    noPlate: '未读到车牌', notPlate: '{text} 不是车牌号：{why}', plateLow: '车牌识别置信度 {got}，低于 {min}',
    containerCheckDigit: '{text} 为误读，不是集装箱号：校验位不符', containerMisread: '{text} 为误读，不是集装箱号：{why}',
    containerLow: '集装箱号识别置信度 {got}，低于 {min}', emptyTruck: '无集装箱：空车', notVin: '{text} 不是车架号：{why}',
    noVin: '汽车卡口未读到车架号', noDeclaration: '没有报关单申报{kind} {no}', releasedAfter: '{at} 放行，晚于车辆通过',
    leftAlready: '{no} 已于 {at} 经卡口出区', noManifest: '集装箱 {no} 不在任何舱单上：港区未预期该箱',
    bill: '提运单 {bill}', noWeight: '地磅未给出毛重和皮重', noDeclaredWeight: '{no} 没有申报重量',
    weightOff: '载重 {load} 千克（毛重 {gross} 减皮重 {tare}），申报 {declared} 千克，允许误差 {tolerance} 千克',
    notReleased: '报关单 {entry} {status}，未放行', inspectionOpen: '报关单 {entry} 的查验尚未完成',
    producerSuspended: '境外生产企业 {producer} 已暂停进口（阳性批次 {batches} 批）',
  },
  menu: { board: '卡口监控', holds: '待处理滞留', cards: 'IC卡与电子标签', stats: '卡口统计', precheck: '过卡预检' },
  cond: {
    card: '卡片核验', plate: '车牌识别', container_read: '箱号识别', vin_read: '车架号识别', released: '海关放行',
    inspection: '查验', arrived: '运抵', no_unloading: '禁止卸货令', not_gated_out: '未曾出卡', manifest: '舱单',
    arrival: '运抵登记', weight: '地磅称重',
  },
  decision: { pass: '放行', hold: '滞留' },
  status: { open: '待处理', overridden: '已人工放行', offline: '离线放行待核', closed: '已通过', active: '有效', suspended: '已挂失', replaced: '已换卡' },
  board: {
    title: '卡口实时监控', live: '实时', holds: '滞留车辆', recent: '最近过卡', noHolds: '暂无滞留', lane: '{gate} · {lane}号车道', received: '离线判定，{at} 收到',
    override: '人工放行', reason: '放行理由', reasonHint: '请说明核对情况（必填）', confirm: '确认放行', cargoHold: '海关监管条件未满足，卡口不能人工放行',
  },
  holds: { title: '滞留处理队列', empty: '没有此状态的滞留' },
  cards: {
    title: 'IC卡与电子标签', issue: '发卡', cardNo: '卡号', kind: '类型', ic: 'IC卡（车牌）', rfid: 'RFID标签（车架号）',
    plate: '车牌号', vin: '车架号', holder: '持卡企业（统一社会信用代码）', status: '状态', suspend: '挂失', reason: '原因',
    issued: '已发卡',
  },
  stats: {
    title: '卡口统计', gate: '卡口', events: '过卡次数', passRate: '放行率', holds: '滞留', median: '判定中位耗时（毫秒）',
    byCond: '滞留原因', perLane: '各车道每小时车次',
  },
  precheck: {
    title: '过卡预检', by: '查询方式', hint: '输入本企业的集装箱号或车架号，查看现在能否通过卡口', container: '集装箱号', vin: '车架号',
    check: '预检', pass: '现在可以通过卡口', hold: '现在会被滞留：', entry: '报关单',
    passages: '本企业车辆最近过卡', none: '暂无过卡记录',
  },
  field: { card_no: '卡号为4至32位字母和数字', plate: '车牌号无效', vin: '车架号无效', holder: '企业未登记或代码无效', reason: '请填写理由' },
}

export const en = {
  reason: {
    vin: 'VIN', container: 'container', noCard: 'no card was read at the lane', cardUnknown: 'card {card} is not one customs issued',
    cardState: 'card {card} is {state}', cardNoPlate: 'card {card} is not bound to a plate',
    noPlateForCard: 'no plate was read to compare with card {card}', cardOtherPlate: 'card {card} is bound to plate {bound}, not {read}',
    boundPlate: 'bound to plate {plate}', tagNoVin: 'tag {tag} is not bound to a VIN', boundVin: 'bound to VIN {vin}',
    tagVinUnread: 'tag {tag} is bound to VIN {vin}, which was not read', noPlate: 'no plate was read',
    notPlate: '{text} is not a plate number: {why}', plateLow: 'plate read with confidence {got}, below {min}',
    containerCheckDigit: '{text} is a misread, not a container number: wrong check digit',
    containerMisread: '{text} is a misread, not a container number: {why}', containerLow: 'container read with confidence {got}, below {min}',
    emptyTruck: 'no container: an empty truck', notVin: '{text} is not a VIN: {why}', noVin: 'no VIN was read at a car gate',
    noDeclaration: 'no declaration covers {kind} {no}', releasedAfter: 'released at {at}, after the truck passed',
    leftAlready: '{no} left through a gate at {at}', noManifest: 'container {no} is on no manifest: the port does not expect it',
    bill: 'bill {bill}', noWeight: 'the weighbridge gave no gross weight and tare', noDeclaredWeight: 'no declared weight for {no}',
    weightOff: 'load {load} kg (gross {gross} less tare {tare}) against {declared} kg declared, tolerance {tolerance} kg',
    notReleased: 'declaration {entry} is {status}, not released', inspectionOpen: 'an inspection of declaration {entry} is open',
    producerSuspended: 'producer {producer} is suspended ({batches} positive batches)',
  },
  menu: { board: 'Gate board', holds: 'Held trucks', cards: 'Cards and tags', stats: 'Gate statistics', precheck: 'Gate pre-check' },
  cond: {
    card: 'Card', plate: 'Plate read', container_read: 'Container read', vin_read: 'VIN read', released: 'Released',
    inspection: 'Inspection', arrived: 'Arrived', no_unloading: 'No-unloading order', not_gated_out: 'Not yet out',
    manifest: 'Manifest', arrival: 'Arrival report', weight: 'Weighbridge',
  },
  decision: { pass: 'Pass', hold: 'Hold' },
  status: { open: 'Open', overridden: 'Overridden', offline: 'Passed offline, to check', closed: 'Passed later', active: 'Active', suspended: 'Suspended', replaced: 'Replaced' },
  board: {
    title: 'Live gate board', live: 'Live', holds: 'Held trucks', recent: 'Recent passages', noHolds: 'No truck held', lane: '{gate} · lane {lane}', received: 'decided offline, received {at}',
    override: 'Let through', reason: 'Reason', reasonHint: 'What you checked (required)', confirm: 'Let through', cargoHold: 'A customs condition is not met: the gate cannot override it',
  },
  holds: { title: 'Holds queue', empty: 'No hold in this state' },
  cards: {
    title: 'Cards and tags', issue: 'Issue', cardNo: 'Card no.', kind: 'Kind', ic: 'IC card (plate)', rfid: 'RFID tag (VIN)',
    plate: 'Plate', vin: 'VIN', holder: 'Holder (USCC)', status: 'Status', suspend: 'Suspend', reason: 'Reason', issued: 'Card issued',
  },
  stats: {
    title: 'Gate statistics', gate: 'Gate', events: 'Events', passRate: 'Pass rate', holds: 'Holds', median: 'Median decision (ms)',
    byCond: 'Holds by condition', perLane: 'Trucks per lane per hour',
  },
  precheck: {
    title: 'Gate pre-check', by: 'Look up by', hint: 'Enter one of your containers or VINs to see whether it would pass the gate now',
    container: 'Container no.', vin: 'VIN', check: 'Check', pass: 'It would pass the gate now', hold: 'It would be held:', entry: 'Declaration',
    passages: 'Your vehicles\' recent passages', none: 'No passage yet',
  },
  field: { card_no: 'A card number is 4 to 32 letters and digits', plate: 'Not a valid plate', vin: 'Not a valid VIN', holder: 'Unknown enterprise', reason: 'Give a reason' },
}
