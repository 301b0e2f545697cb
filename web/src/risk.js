// risk.js — the risk rules page's pure helpers (docs/API.md "Risk"): the condition kinds and
// what each holds, a rule <-> form conversion, where an API error's field belongs on the form,
// JSON Lines parsing and the credit-level policy bounds. Tested in Node by tests/e2e/run.mjs.
import { checkHsPrefix, checkRange, checkPercent, percentToPpm, ppmToPercent } from './validators.js'
import { CREDIT_LEVELS } from './enums.js'

export const RULE_STATUSES = ['active', 'draft', 'suspended']
export const RULE_SOURCES = ['hq', 'district', 'port']
export const RULE_DIRECTIONS = ['import', 'export', 'both']
export const RULE_LANES = ['red', 'yellow', 'blue']
export const RULE_INSPECTIONS = ['manual', 'machine', 'document', 'none']
// kind -> the form it takes: values (a list), range (min/max), below (reference/ratio), none
export const CONDITION_KINDS = {
  hs_prefix: 'values', origin_country: 'values', trade_country: 'values', consignee: 'values', consignor: 'values',
  declarant: 'values', credit_level: 'values', transport_mode: 'values', port: 'values', declaration_kind: 'values',
  item_value: 'range', unit_price_below: 'below', gross_weight: 'range', keyword: 'values', cold_chain: 'none',
  container: 'values', vessel_imo: 'values', bill_no: 'values',
}

const list = (s) => String(s ?? '').split(/[,，\s]+/).map((v) => v.trim()).filter(Boolean)
export const splitValues = list

// Condition kinds whose values are chosen, not typed (issue 16: choice conditions as selects):
// a fixed set (shown by name), countries (by name, searchable) or enterprises (by name, searched
// in the registry); the value sent stays the code the API takes.
export const CHOICE_SETS = {
  credit_level: CREDIT_LEVELS,
  transport_mode: ['sea', 'rail', 'road', 'air', 'post', 'other'],
  declaration_kind: ['complete', 'summary', 'advance', 'ecommerce_list'],
}
export const COUNTRY_KINDS = ['origin_country', 'trade_country']
export const PARTY_KINDS = ['consignee', 'consignor', 'declarant']
// how a condition's values are entered: 'set', 'country', 'party' or 'text'
export function valueInput(kind) {
  if (CHOICE_SETS[kind]) return 'set'
  if (COUNTRY_KINDS.includes(kind)) return 'country'
  if (PARTY_KINDS.includes(kind)) return 'party'
  return 'text'
}

export function emptyCondition(kind = 'hs_prefix') {
  return { kind, values: '', min: '', max: '', reference: '', ratio: '' }
}
export function emptyForm() {
  return {
    name: '', source: 'district', issuer: '', direction: 'import', ports: '', valid_from: '', valid_to: '',
    conditions: [emptyCondition()], lane: 'red', inspection: 'manual', sampling: [], fire: '100', note: '',
  }
}

// the form of a rule the API answered
export function ruleToForm(r) {
  const f = emptyForm()
  Object.assign(f, {
    name: r.name || '', source: r.source || 'district', issuer: r.issuer || '', note: r.note || '',
    direction: r.scope?.direction || 'both', ports: (r.scope?.ports || []).join(', '),
    valid_from: r.valid_from || '', valid_to: r.valid_to || '',
    lane: r.action?.lane || 'red', inspection: r.action?.inspection || 'manual',
    fire: ppmToPercent(r.action?.fire_ppm ?? 1000000),
    sampling: (r.action?.sampling || []).map((s) => ({ kind: s.kind, rate: ppmToPercent(s.rate_ppm) })),
  })
  f.conditions = (r.conditions || []).map((c) => ({
    ...emptyCondition(c.kind), values: (c.values || []).join(', '),
    min: c.min ?? '', max: c.max ?? '', reference: c.reference ?? '', ratio: c.ratio_ppm === undefined ? '' : ppmToPercent(c.ratio_ppm),
  }))
  return f
}

// the rule JSON for POST/PATCH from the form
export function formToRule(f) {
  const r = {
    name: f.name.trim(), source: f.source, scope: { direction: f.direction, ports: list(f.ports) },
    conditions: f.conditions.map((c) => {
      const shape = CONDITION_KINDS[c.kind]
      const o = { kind: c.kind }
      if (shape === 'values') o.values = list(c.values)
      if (shape === 'range') {
        const num = (v) => (c.kind === 'gross_weight' ? Number(v) : String(v).trim())
        if (String(c.min).trim()) o.min = num(c.min)
        if (String(c.max).trim()) o.max = num(c.max)
      }
      if (shape === 'below') {
        o.reference = String(c.reference).trim()
        if (String(c.ratio).trim()) o.ratio_ppm = percentToPpm(c.ratio)
      }
      return o
    }),
    action: {
      lane: f.lane, inspection: f.inspection,
      sampling: f.sampling.filter((s) => s.kind.trim()).map((s) => ({ kind: s.kind.trim(), rate_ppm: percentToPpm(s.rate || 0) })),
      fire_ppm: String(f.fire).trim() ? percentToPpm(f.fire) : 1000000,
    },
    note: f.note,
  }
  if (f.issuer.trim()) r.issuer = f.issuer.trim()
  if (f.valid_from) r.valid_from = f.valid_from
  if (f.valid_to) r.valid_to = f.valid_to
  return r
}

// the form's own checks as you type: {condition index: key, field name: key}
export function checkCondition(c) {
  const shape = CONDITION_KINDS[c.kind]
  if (shape === 'values') {
    const vs = list(c.values)
    if (!vs.length) return 'values'
    if (c.kind === 'hs_prefix') for (const v of vs) { const e = checkHsPrefix(v); if (e) return e }
  }
  if (shape === 'range') return checkRange(c.min, c.max)
  if (shape === 'below') {
    if (!/^\d+(\.\d+)?$/.test(String(c.reference).trim())) return 'number'
    return checkPercent(c.ratio)
  }
  return null
}
export function checkForm(f) {
  const e = { conditions: {}, sampling: {} }
  if (!f.name.trim()) e.name = 'required'
  if (!f.conditions.length) e.conditionList = 'conditions'
  f.conditions.forEach((c, i) => { const k = checkCondition(c); if (k) e.conditions[i] = k })
  f.sampling.forEach((s, i) => { const k = checkPercent(s.rate); if (k) e.sampling[i] = k })
  const fire = checkPercent(f.fire)
  if (fire) e.fire = fire
  return e
}
export const formHasErrors = (e) =>
  Object.keys(e).some((k) => (typeof e[k] === 'object' ? Object.keys(e[k]).length : !!e[k]))

// Where an API error's field goes on the form: conditions[0].values[0] -> {row: 'conditions', index: 0};
// action.sampling[1].rate_ppm -> {row: 'sampling', index: 1}; scope.ports[0] -> {field: 'ports'} …
export function placeField(field) {
  const f = String(field || '')
  let m = /^conditions\[(\d+)\]/.exec(f)
  if (m) return { row: 'conditions', index: Number(m[1]) }
  m = /^action\.sampling\[(\d+)\]/.exec(f)
  if (m) return { row: 'sampling', index: Number(m[1]) }
  if (f === 'conditions') return { field: 'conditionList' }
  if (f.startsWith('scope.ports')) return { field: 'ports' }
  if (f.startsWith('scope.direction')) return { field: 'direction' }
  if (f.startsWith('action.fire_ppm')) return { field: 'fire' }
  if (f.startsWith('action.')) return { field: f.slice(7).replace(/[[.].*$/, '') }
  if (f) return { field: f.replace(/[[.].*$/, '') }
  return null
}

// JSON Lines: [{line, rule} | {line, error}] for each non-blank line
export function parseJsonLines(text) {
  const out = []
  String(text || '').split(/\r?\n/).forEach((s, i) => {
    if (!s.trim()) return
    try {
      const v = JSON.parse(s)
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object')
      out.push({ line: i + 1, rule: v })
    } catch {
      out.push({ line: i + 1, error: 'badJson' })
    }
  })
  return out
}

// the policy bound of each credit level in ppm, from general credit's rate (DESIGN.md §5):
// advanced certified ≤ 20% of it, general certified ≤ 50%, dishonest ≥ 80% absolute
// (null when general credit had no screening: there is nothing to compare with)
export function policyBounds(rows) {
  const g = (rows || []).find((r) => r.credit_level === 'general_credit')
  const gc = g && g.screenings ? g.rate_ppm ?? 0 : null
  return {
    advanced_certified: gc === null ? null : Math.floor(gc / 5), general_certified: gc === null ? null : Math.floor(gc / 2),
    general_credit: gc, dishonest: 800000,
  }
}
// true, false, or null when it cannot be judged
export function policyHolds(level, ratePpm, bounds) {
  if (level === 'dishonest') return ratePpm >= bounds.dishonest
  if (level === 'general_credit' || bounds[level] === null) return null
  return ratePpm <= bounds[level]
}
