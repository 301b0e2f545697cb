// messages.js — the tax area's own pages' words in Chinese and English (merged under `tax` by
// areas.js, beside the console's older tax words in i18n.js): general guarantees (总担保).
export const zh = {
  desk: {
    guarantees: '担保待受理', guarantee: '税款担保', gq: '报关单号、担保人或保函编号', dq: '报关单号、申请人或理由',
    generalPending: '总担保待审核 {n} 笔', accept: '受理', posted: '提交', count: '共 {n} 条', gkindLabel: '担保方式',
    gkind: { letter: '保函', deposit: '保证金', general: '总担保' },
    gst: { pending: '待受理', active: '有效', rejected: '已驳回', released: '已解除', converted: '已转税款', lapsed: '已失效' },
  },
  general: {
    menu: '总担保',
    intro: '总担保在有效期内、额度以内为本企业多票报关单的税款提供担保：经税务关员审核后生效，每票担保占用额度，税款缴纳后额度恢复。',
    officerIntro: '企业提交的总担保经审核后生效；已占用、可用额度及所担保的报关单如下。',
    post: '提交总担保', guarantor: '担保机构', letterNo: '保函编号', amount: '担保额度', validUntil: '有效期至',
    validFrom: '生效日期', kind: '担保方式', letter: '银行或保险保函', deposit: '保证金', submit: '提交',
    used: '已占用', available: '可用', draws: '所担保的报关单', decidedBy: '审核人', note: '审核意见',
    accept: '审核通过', reject: '不予通过', notePrompt: '请填写审核意见', secure: '为报关单担保',
    entryNo: '报关单号', drawAmount: '担保金额', draw: '担保', drawn: '已担保：报关单可凭担保放行',
    waits: '待税务关员审核',
    st: { pending: '待审核', active: '有效', rejected: '未通过', expired: '已过期' },
    drawSt: { active: '占用中', released: '已解除（税款已缴）', lapsed: '到期未缴', converted: '已转税款', pending: '待审核' },
  },
}
export const en = {
  desk: {
    guarantees: 'Guarantees to accept', guarantee: 'Tax guarantee', gq: 'Entry number, guarantor or letter number',
    dq: 'Entry number, requester or reason', generalPending: '{n} general guarantees awaiting review', accept: 'Accept',
    posted: 'Posted', count: '{n} in all', gkindLabel: 'Kind',
    gkind: { letter: 'Letter', deposit: 'Deposit', general: 'General guarantee' },
    gst: { pending: 'Pending', active: 'Active', rejected: 'Rejected', released: 'Released', converted: 'Applied to the tax', lapsed: 'Lapsed' },
  },
  general: {
    menu: 'General guarantees',
    intro: 'A general guarantee secures the tax of many of your declarations, up to its amount and within its period: once a tax officer accepts it, each bill it secures uses part of it, and the amount comes back when the tax is paid.',
    officerIntro: 'General guarantees posted by enterprises take effect once accepted; used, available and the declarations they secure are shown.',
    post: 'Post a general guarantee', guarantor: 'Guarantor', letterNo: 'Letter number', amount: 'Amount', validUntil: 'Valid until',
    validFrom: 'Valid from', kind: 'Kind', letter: 'Letter of a bank or insurer', deposit: 'Cash deposit', submit: 'Submit',
    used: 'Used', available: 'Available', draws: 'Declarations secured', decidedBy: 'Decided by',
    note: 'Note', accept: 'Accept', reject: 'Reject', notePrompt: 'Write the note of the decision', secure: 'Secure a declaration',
    entryNo: 'Entry number', drawAmount: 'Amount to secure', draw: 'Secure', drawn: 'Secured: the declaration may be released against it',
    waits: 'Waiting for a tax officer',
    st: { pending: 'Pending', active: 'Active', rejected: 'Rejected', expired: 'Expired' },
    drawSt: { active: 'In use', released: 'Released (tax paid)', lapsed: 'Lapsed unpaid', converted: 'Applied to the tax', pending: 'Pending' },
  },
}
