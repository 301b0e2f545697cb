// changes.js — the pure helpers of a declaration's life after filing (docs/api/declarations.md):
// which fields a change may touch, the edited items as the API's changes, an API error's field
// as the form's (line and field), and who acts next in plain words.
export const MODIFIABLE = ['hs_code', 'name', 'elements', 'origin', 'quantity', 'value', 'currency', 'gross_weight_kg',
  'net_weight_kg']
export const AMENDABLE = ['hs_code', 'origin', 'quantity', 'value']

// quantities and weights: whole ones as numbers, decimals as their text (read exactly)
const DECIMAL = new Set(['quantity', 'gross_weight_kg', 'net_weight_kg'])

// The edited copy of the items against the declared ones: [{line_no, field: value}] with only
// what differs (numbers as the API takes them, text trimmed).
export function changedItems(declared, edited, fields = MODIFIABLE) {
  const out = []
  declared.forEach((item, i) => {
    const ch = {}
    for (const f of fields) {
      let v = edited[i] ? edited[i][f] : undefined
      if (v === undefined || v === null) continue
      if (typeof v === 'string') v = v.trim()
      if (DECIMAL.has(f) && /^\d+$/.test(String(v))) v = Number(v)
      const was = item[f] === undefined || item[f] === null ? '' : item[f]
      if (String(v) !== String(was)) ch[f] = v
    }
    if (Object.keys(ch).length) out.push({ line_no: i + 1, ...ch })
  })
  return out
}

// "items[1].value" of a request that sent `changes` -> {line: its line_no, field: 'value'};
// "reason" -> {line: 0, field: 'reason'}; null when there is no field.
export function errorSlot(field, changes) {
  if (!field) return null
  const m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (!m) return { line: 0, field: field.replace(/\[.*$/, '') }
  const ch = changes[Number(m[1])]
  return { line: ch ? ch.line_no : Number(m[1]) + 1, field: m[2] || 'line_no' }
}

// Who acts next on a declaration, as a key of messages.js `next` (null: nothing to say here).
export function nextActor(decl) {
  if (!decl) return null
  if (decl.status === 'cancelled') return 'cancelled'
  if (decl.status === 'returned') return 'declarant'
  if (decl.pending_change) return 'customs'
  return null
}

// The actions the declaration offers to who: {modify, cancel, refile, ret, amend}.
export function actionsFor(decl, { enterprise, clearance }) {
  const open = ['filed', 'inspection'].includes(decl.status) && !decl.pending_change
  return {
    modify: enterprise && open,
    cancel: enterprise && !decl.pending_change && ['filed', 'inspection', 'returned'].includes(decl.status),
    refile: enterprise && decl.status === 'returned',
    ret: clearance && decl.status === 'filed' && !decl.pending_change,
    amend: clearance && decl.status === 'released' && !decl.pending_change,
  }
}
