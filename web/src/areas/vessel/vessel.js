// vessel.js — the vessel pages' pure helpers: the MDH's nine questions in the form's order,
// dates in Asia/Shanghai, the agent's form to the API's declaration body, and the tag type
// of a level.
export const QUESTIONS = ['q1_death', 'q2_infectious', 'q3_ill_excess', 'q4_ill_now', 'q5_practitioner', 'q6_condition',
  'q7_measure', 'q8_stowaways', 'q9_sick_animal']

// The posts that own vessel tasks (task_store.c's table): a queue each.
export const TASK_POSTS = ['quarantine', 'inspection']

export const shanghaiDay = (days = 0) => new Date(Date.now() + 8 * 3600000 + days * 86400000).toISOString().slice(0, 10)

export const levelType = (level) => ({ lock: 'danger', board: 'warning', radio_pratique: 'success' })[level] || 'info'

export function emptyPerson() {
  return { kind: 'crew', family_name: '', given_name: '', rank: '', nationality: '', birth_date: '', document_type: 'seafarer_book',
    document_no: '', document_state: '', document_expiry: '', embarked_port: '', embarked_on: '', temperature: '',
    test_on: '', test_result: '' }
}

// The form (flat, strings) to the API's body: empty optional fields left out, a temperature in
// °C to tenths, the one last port as the list, every question's details only for a yes.
export function declarationBody(f) {
  const b = { vessel_name: f.vessel_name, imo: f.imo, call_sign: f.call_sign, flag: f.flag, gross_tonnage: Number(f.gross_tonnage),
    voyage: f.voyage, port: f.port, arrival_port: f.arrival_port, eta: new Date(f.eta).toISOString(), purpose: f.purpose,
    cargo_kind: f.cargo_kind, sanitation_cert: f.sanitation_cert, affected_area: !!f.affected_area, joined: Number(f.joined) }
  if (f.last_port) b.last_ports = [{ locode: f.last_port, arrived_on: f.last_arrived_on || f.last_left_on, left_on: f.last_left_on }]
  if (f.sanitation_cert !== 'none') Object.assign(b, { cert_place: f.cert_place, cert_issued_on: f.cert_issued_on })
  if (f.affected_area) b.affected_area_details = f.affected_area_details
  for (const q of QUESTIONS) {
    b[q] = !!f[q]
    if (f[q]) b[`${q}_details`] = f[`${q}_details`]
  }
  b.persons = f.persons.map((p) => {
    const o = {}
    for (const [k, v] of Object.entries(p)) if (v !== '' && v !== null && k !== 'temperature') o[k] = v
    if (p.temperature !== '') o.temperature_dc = Math.round(Number(p.temperature) * 10)
    if (o.kind !== 'crew') delete o.rank
    return o
  })
  return b
}

// The call back into the form, for an amendment.
export function formOf(c) {
  const f = { ...c, eta: c.eta, persons: (c.persons || []).map((p) => {
    const o = { ...emptyPerson() }
    for (const k of Object.keys(o)) if (p[k] !== undefined && p[k] !== null) o[k] = p[k]
    o.temperature = p.temperature_dc ? (p.temperature_dc / 10).toFixed(1) : ''
    return o
  }) }
  const lp = (c.last_ports || [])[0]
  Object.assign(f, { last_port: lp ? lp.locode : '', last_arrived_on: lp ? lp.arrived_on : '', last_left_on: lp ? lp.left_on : '' })
  return f
}
