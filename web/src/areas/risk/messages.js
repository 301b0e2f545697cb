// messages.js — the risk rules page's words added with drafts, activation, validity dates and
// trying a rule on filed declarations (issue 16), merged under `risk` beside the page's older
// words in i18n.js (areas.js merges each area's messages under its name).
export const zh = {
  st: { draft: '草稿' },
  work: {
    search: '按规则名称查找', saveDraft: '暂存为草稿', activate: '启用', confirmActivate: '启用规则「{name}」？下一次布控起开始命中。',
    activated: '规则已启用', draftSaved: '已暂存为草稿：试用无误后再启用', activatedBy: '{who} 于 {at} 启用', notActive: '未启用',
    validity: '有效期', from: '开始', to: '截止', open: '不限', tryRule: '试用', tryTitle: '试用规则「{name}」',
    tryPick: '选择报关单（按报关单号，可多选）', tryRun: '试用', tryHint: '只读试用：不启用规则，不记录布控。',
    tryAt: '按 {at} 判断', notInForce: '此时规则已过有效期，不会命中', hit: '命中', noHit: '未命中',
    laneWithout: '现有规则下', laneWith: '加上此规则', notScreened: '该报关单未经布控（或早于记录）', pick: '请选择',
    entry: '报关单号', fired: '按触发比例抽中', notFired: '命中但未抽中',
  },
  transport: { sea: '水路', rail: '铁路', road: '公路', air: '航空', post: '邮递', other: '其他' },
  declKind: { complete: '完整申报', summary: '概要申报', advance: '提前申报', ecommerce_list: '跨境电商清单' },
}

export const en = {
  st: { draft: 'Draft' },
  work: {
    search: 'Find by rule name', saveDraft: 'Save as draft', activate: 'Activate',
    confirmActivate: 'Activate rule "{name}"? It selects from the next screening.', activated: 'Rule activated',
    draftSaved: 'Saved as a draft: try it, then activate it', activatedBy: 'activated by {who} at {at}', notActive: 'not activated',
    validity: 'Validity', from: 'From', to: 'To', open: 'open', tryRule: 'Try', tryTitle: 'Try rule "{name}"',
    tryPick: 'Declarations (by entry number; several allowed)', tryRun: 'Try', tryHint: 'A read: the rule is not activated and nothing is recorded.',
    tryAt: 'judged at {at}', notInForce: 'By then the rule is past its validity and would not hit', hit: 'Hit', noHit: 'No hit',
    laneWithout: 'With the rules in force', laneWith: 'With this rule too', notScreened: 'Never screened (or screened before inputs were kept)',
    pick: 'Choose', entry: 'Entry number', fired: 'drawn by the fire rate', notFired: 'matched, not drawn',
  },
  transport: { sea: 'Sea', rail: 'Rail', road: 'Road', air: 'Air', post: 'Post', other: 'Other' },
  declKind: { complete: 'Complete', summary: 'Summary', advance: 'Advance', ecommerce_list: 'E-commerce list' },
}
