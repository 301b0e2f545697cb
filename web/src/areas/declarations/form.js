// form.js — the declaration form's pure helpers (issue 16, the form of a single window): a blank
// form and item, the form copied from an earlier declaration, the pre-check's body
// (POST /api/v1/navigation/precheck) and its findings placed under their fields, and what of
// the form a draft keeps. No Vue, no requests: tested in Node by tests/e2e/run.mjs.

export const blankItem = () => ({
  hs_code: '', name: '', elements: '', origin: '', quantity: '', unit: '', value: '', currency: 'CNY',
  gross_weight_kg: '', net_weight_kg: '', frozen: false, producer: '',
  price_terms: 'CIF', freight: '', insurance: '', other_costs: '', certificate_no: '',
})

// The price terms of an item's value (成交方式) and the costs each leaves out of the price, which
// the declarant adds so that tax builds the CIF value (docs/TAX_RULES.md): FOB and EXW leave out
// freight and insurance, CFR insurance, CIF neither. Insurance left empty is 3‰ of price and
// freight by rule, so it is asked for but not required.
export const PRICE_TERMS = ['CIF', 'CFR', 'FOB', 'EXW']
export const costsOf = (terms) => ({
  freight: terms === 'FOB' || terms === 'EXW',
  insurance: terms !== 'CIF' && PRICE_TERMS.includes(terms),
})

export const blankForm = (own) => ({
  direction: 'import', kind: 'complete', declarant: own, consignee: own, consignor: '', port: '0901',
  transport_mode: 'sea', bill_no: '', trade_country: '', ship_side_pickup: false, arrival_direct_loading: false,
  release_first: false, containers: '', packages: '', licences: [], items: [blankItem()],
})

const HEADER_COPIED = ['direction', 'kind', 'consignee', 'consignor', 'port', 'transport_mode', 'trade_country',
  'ship_side_pickup', 'arrival_direct_loading', 'release_first']
const ITEM_COPIED = ['hs_code', 'name', 'elements', 'origin', 'quantity', 'unit', 'value', 'currency',
  'gross_weight_kg', 'net_weight_kg', 'frozen', 'producer', 'price_terms', 'freight', 'insurance', 'other_costs',
  'certificate_no']

// The form of a new declaration copied from an earlier one (GET /declarations/{n}): its header
// and goods; the bill, containers and packages are this shipment's own, so they start empty.
export function formFromDeclaration(d, own) {
  const f = blankForm(own)
  for (const k of HEADER_COPIED) if (d[k] !== undefined && d[k] !== null) f[k] = d[k]
  f.declarant = own
  f.items = (d.items || []).slice(0, 50).map((it) => {
    const o = blankItem()
    for (const k of ITEM_COPIED) if (it[k] !== undefined && it[k] !== null) o[k] = typeof o[k] === 'boolean' ? !!it[k] : String(it[k])
    return o
  })
  if (!f.items.length) f.items = [blankItem()]
  return f
}

// A draft keeps the form as it stands, merged over a blank one when resumed (a draft saved by
// an older console lacks the newer fields).
export const formFromDraft = (saved, own) => ({ ...blankForm(own), ...saved, declarant: own,
  items: (saved.items && saved.items.length ? saved.items : [{}]).map((it) => ({ ...blankItem(), ...it })) })

// Quantities and weights are decimals (issue 14): a quantity to 5 places, a weight in kg to 3,
// as the API takes them. A decimal's text is checked here and sent as typed (a string, which the
// API reads exactly) unless it is whole (a number, as before).
export const DECIMAL_PLACES = { quantity: 5, gross_weight_kg: 3, net_weight_kg: 3 }
export const decimalOk = (v, places) => new RegExp(`^\\d+(\\.\\d{1,${places}})?$`).test(String(v ?? '').trim())
export const decimalBody = (v) => {
  const s = String(v ?? '').trim()
  return /^\d+$/.test(s) ? Number(s) : s
}

// The pre-check's body: what the navigation checks (items, trade country, attached documents).
export function precheckBody(f) {
  const b = { direction: f.direction, items: [] }
  if (String(f.trade_country).trim()) b.trade_country = String(f.trade_country).trim()
  b.items = f.items.map((it) => {
    const o = { hs_code: String(it.hs_code).trim() || '0' }
    for (const k of ['name', 'elements', 'origin', 'unit', 'currency']) if (String(it[k]).trim()) o[k] = String(it[k]).trim()
    for (const k of ['quantity', 'gross_weight_kg', 'net_weight_kg']) if (decimalOk(it[k], DECIMAL_PLACES[k])) o[k] = decimalBody(it[k])
    const v = String(it.value).trim().replace(/,/g, '')
    if (/^\d+(\.\d{1,2})?$/.test(v)) o.value = v
    return o
  })
  const lic = (f.licences || []).filter((l) => String(l.code).trim() && String(l.number).trim())
  if (lic.length) b.licences = lic.map((l) => ({ code: String(l.code).trim(), number: String(l.number).trim() }))
  return b
}

// Whether a finding stops the filing: an error, except on the code itself ("not in the
// navigation tables", which hold part of the tariff, and its format, which the filing judges
// with its own rule): those show as notes and the filing's answer decides.
export const blocks = (f) => f.severity === 'error' && f.rule !== 'hs_unknown' && f.rule !== 'hs_format'

// The findings as {field path: finding}, the first per field, errors before warnings; a finding
// on a whole item ("items[0]") goes under its HS code, one on the documents under the section.
export function placeFindings(findings) {
  const out = {}
  const rank = { error: 0, warning: 1, info: 2 }
  const sorted = [...(findings || [])].sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3))
  for (const f of sorted) {
    let field = String(f.field || '')
    if (/^items\[\d+\]$/.test(field)) field += '.hs_code'
    if (field.startsWith('licences')) field = 'licences'
    if (!out[field]) out[field] = f
  }
  return out
}
