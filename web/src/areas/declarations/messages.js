// messages.js — the words of a declaration's life after filing (merged under `declarations`):
// change requests, their queue, return and refiling, amendments, and who acts next.
export const zh = {
  menu: { queue: '修撤单审核' },
  kind: { modify: '修改', cancel: '撤单', amend: '补税/退税更正' },
  cstatus: { pending: '待审核', approved: '已批准', refused: '已驳回' },
  next: {
    declarant: '已退单：请更正后重新申报（下一步：申报单位）',
    customs: '修撤单申请待海关审核（下一步：海关关员）',
    cancelled: '报关单已撤销',
  },
  title: '修撤单与退单', none: '暂无修撤单申请', modify: '申请修改', cancel: '申请撤单', refile: '更正并重新申报',
  ret: '退单', amend: '补税/退税更正', reason: '理由', note: '审核意见', approve: '批准', refuse: '驳回',
  line: '第 {n} 项', requested: '已提交，等待海关审核', approved: '已批准', refused: '已驳回', returned: '已退回申报单位',
  refiled: '已重新申报', changes: '变更内容', requestedBy: '申请人', decidedBy: '审核人', at: '时间', entry: '报关单号',
  declarant: '申报单位', status: '状态', kindLabel: '类型', noteRequired: '驳回时请填写意见', reasonRequired: '请填写理由（2 至 500 字节）',
  confirmCancel: '申请撤销报关单 {n}？', queueTitle: '修撤单审核（最新在前）', open: '查看',
  outcome: { reissued: '税单已按新金额重开', supplementary: '已开具补税税单', refund: '已决定退税', void: '税单作废', unchanged: '税款不变',
    void_and_refund: '税单作废并退税', supplementary_and_refund: '补税并退税', no_bill: '无税单' },
}
export const en = {
  menu: { queue: 'Change requests' },
  kind: { modify: 'Modification', cancel: 'Cancellation', amend: 'Amendment (supplementary tax / refund)' },
  cstatus: { pending: 'Pending', approved: 'Approved', refused: 'Refused' },
  next: {
    declarant: 'Returned: correct and refile it (next: the declarant)',
    customs: 'A change request waits for customs (next: an officer)',
    cancelled: 'The declaration is cancelled',
  },
  title: 'Modifications, cancellation and return', none: 'No change requests', modify: 'Ask to modify',
  cancel: 'Ask to cancel', refile: 'Correct and refile', ret: 'Return for correction', amend: 'Amend',
  reason: 'Reason', note: 'Note', approve: 'Approve', refuse: 'Refuse', line: 'Item {n}',
  requested: 'Sent: waiting for customs', approved: 'Approved', refused: 'Refused', returned: 'Returned to the declarant',
  refiled: 'Refiled', changes: 'Changes', requestedBy: 'Asked by', decidedBy: 'Decided by', at: 'Time', entry: 'Entry no.',
  declarant: 'Declarant', status: 'Status', kindLabel: 'Kind', noteRequired: 'A refusal says why',
  reasonRequired: 'Give a reason (2 to 500 bytes)', confirmCancel: 'Ask to cancel declaration {n}?',
  queueTitle: 'Change requests (newest first)', open: 'Open',
  outcome: { reissued: 'Bill re-issued', supplementary: 'Supplementary bill issued', refund: 'Refund decided', void: 'Bill void',
    unchanged: 'Tax unchanged', void_and_refund: 'Bill void, tax refunded', supplementary_and_refund: 'Supplementary bill and refund',
    no_bill: 'No bill' },
}
