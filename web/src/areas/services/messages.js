// messages.js — the services area's words in Chinese and English (merged under `services` by
// i18n.js): the liaison platform (联系海关, the officers' queue) and declaration navigation.
export const zh = {
  menu: { contact: '联系海关', queue: '关企联络', navigation: '智慧申报导航', dashboard: '企业服务看板' },
  category: {
    processing_trade_accounts: '加工贸易账册', epidemic_supplies: '防疫物资通关', port_unloading: '口岸卸货',
    tax_payment: '税款缴纳', inspection_certificates: '检验证书', other: '其他',
  },
  urgency: { urgent: '紧急', high: '较急', normal: '一般' },
  status: { raised: '待获知', known: '已获知', studied: '已研究', resolved: '待确认', solved: '已解决' },
  clock: { running: '计时中', met: '按时', breached: '超时' },
  stage: { known: '获知', studied: '研究', solved: '解决' },
  kind: { reply: '答复', plan: '方案', note: '内部备注', message: '企业留言', resolution: '解决方案', confirmation: '确认解决', reopening: '重新打开', assignment: '改派' },
  contact: {
    title: '联系海关', raise: '提出问题', category: '问题类别', urgency: '紧急程度', titleField: '标题', text: '问题描述',
    entry: '关联报关单号（可选）', submit: '提交', mine: '我的问题', confirm: '确认已解决', reopen: '重新打开',
    reason: '重新打开的原因', thanks: '已解决，谢谢。', send: '发送', message: '留言',
  },
  queue: {
    title: '关企联络工作台', queueOnly: '只看待分派', open: '办理', reply: '答复企业', policy: '政策依据', note: '内部备注',
    resolve: '提交解决方案', enterprise: '企业', assignee: '承办人', raised: '提出时间', clocks: '三个第一',
    stats: '统计（近30天）', collected: '收集', solved: '解决', rate: '解决率', medianKnown: '获知中位数（分钟）',
    coordinators: '协调员', breaches: '超时次数', openProblems: '未结问题',
    q: '问题编号、标题或企业代码', status: '状态', breachOnly: '只看超时',
  },
  dash: { title: '企业服务看板', liaison: '关企联络：按类别', aeo: 'AEO便利措施：各信用等级查验率（%）',
    knownMedian: '获知中位数（分钟）', alerts: '{n} 个月份偏离政策比例', level: '信用等级' },
  level: { advanced_certified: '高级认证', general_certified: '一般认证', general_credit: '一般信用', dishonest: '失信' },
  nav: {
    title: '智慧申报导航', go: '查询', search: '输入商品名称或编码，如“冻鳕鱼”', path: '归类路径', units: '法定计量单位',
    supervision: '监管条件', inspection: '检验检疫类别', elements: '申报要素', draft: '申报草稿', origin: '原产国',
    quantity: '数量', unit: '单位', value: '总价', currency: '币制', gross: '毛重（千克）', net: '净重（千克）',
    tradeCountry: '贸易国', precheck: '申报前检查', ok: '未发现问题，可以申报', findings: '检查结果', rulings: '可用的预裁定',
  },
}

export const en = {
  menu: { contact: 'Contact customs', queue: 'Liaison', navigation: 'Declaration navigation', dashboard: 'Services dashboard' },
  category: {
    processing_trade_accounts: 'Processing-trade accounts', epidemic_supplies: 'Epidemic supplies clearance',
    port_unloading: 'Unloading at port', tax_payment: 'Tax payment', inspection_certificates: 'Inspection certificates',
    other: 'Other',
  },
  urgency: { urgent: 'Urgent', high: 'High', normal: 'Normal' },
  status: { raised: 'Raised', known: 'Known', studied: 'Studied', resolved: 'Awaiting confirmation', solved: 'Solved' },
  clock: { running: 'running', met: 'on time', breached: 'late' },
  stage: { known: 'Known', studied: 'Studied', solved: 'Solved' },
  kind: { reply: 'Reply', plan: 'Plan', note: 'Internal note', message: 'Message', resolution: 'Resolution', confirmation: 'Confirmed', reopening: 'Reopened', assignment: 'Reassigned' },
  contact: {
    title: 'Contact customs', raise: 'Raise a problem', category: 'Category', urgency: 'Urgency', titleField: 'Title',
    text: 'Description', entry: 'Linked entry number (optional)', submit: 'Submit', mine: 'My problems',
    confirm: 'Confirm solved', reopen: 'Reopen', reason: 'Why it is reopened', thanks: 'Solved, thank you.',
    send: 'Send', message: 'Message',
  },
  queue: {
    title: 'Liaison desk', queueOnly: 'Unassigned only', open: 'Handle', reply: 'Reply', policy: 'Policy cited',
    note: 'Internal note', resolve: 'Send resolution', enterprise: 'Enterprise', assignee: 'Assignee', raised: 'Raised',
    clocks: 'Three firsts', stats: 'Statistics (30 days)', collected: 'Collected', solved: 'Solved', rate: 'Solve rate',
    medianKnown: 'Median to known (min)', coordinators: 'Coordinators', breaches: 'Breaches', openProblems: 'Open',
    q: 'Problem number, title or enterprise code', status: 'Status', breachOnly: 'Late only',
  },
  dash: { title: 'Enterprise services dashboard', liaison: 'Liaison by category',
    aeo: 'AEO facilitation: inspection rate by credit level (%)', knownMedian: 'Median to known (min)',
    alerts: '{n} months drifted from the policy', level: 'Credit level' },
  level: { advanced_certified: 'Advanced certified', general_certified: 'General certified', general_credit: 'General credit', dishonest: 'Dishonest' },
  nav: {
    title: 'Declaration navigation', go: 'Search', search: 'Goods name or code, e.g. frozen cod', path: 'Classification path',
    units: 'Legal units', supervision: 'Supervision conditions', inspection: 'Inspection category',
    elements: 'Declaration elements', draft: 'Draft', origin: 'Origin', quantity: 'Quantity', unit: 'Unit',
    value: 'Value', currency: 'Currency', gross: 'Gross (kg)', net: 'Net (kg)', tradeCountry: 'Trade country',
    precheck: 'Pre-check', ok: 'No problem found: ready to file', findings: 'Findings', rulings: 'Advance rulings',
  },
}
