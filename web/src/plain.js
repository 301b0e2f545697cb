// plain.js — a declaration's progress in plain words for enterprise users, from the
// declaration (list item or detail) and, when it is still waiting, its tax bill. Returns
// [{key, params}] for i18n keys under `plain.`; the most important first.
import { fenToYuan, yuanToFen } from './format.js'

export function plainWords(decl, bill) {
  const out = []
  switch (decl.status) {
    case 'released': out.push({ key: 'released' }); break
    case 'refused': out.push({ key: 'refused' }); break
    case 'permitted': out.push({ key: 'permitted' }); break
    case 'inspection': out.push({ key: 'inspection' }); break
    case 'returned': out.push({ key: 'returned' }); break
    case 'cancelled': out.push({ key: 'cancelled' }); break
    default:
      if (decl.arrived_at === null || (decl.arrived_at === undefined && decl.advance)) out.push({ key: 'awaitingArrival' })
  }
  const closed = ['refused', 'released', 'cancelled'].includes(decl.status)
  if (bill && bill.status === 'due' && !closed)
    out.push({ key: 'taxDue', params: { amount: fenToYuan(yuanToFen(bill.amount_due)), date: bill.due_date } })
  if (decl.overdue) out.push({ key: 'overdue' })
  else if (decl.kind === 'summary' && !decl.completed_at && decl.status !== 'refused') out.push({ key: 'completeBy' })
  if (!out.length) out.push({ key: 'awaitingRelease' })
  return out
}
