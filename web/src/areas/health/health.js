// health.js — the health pages' pure helpers: the symptom list in the card's order, today in
// Asia/Shanghai, the declaration form to the API's body, where an API error's field goes, and
// a scanner's keyboard input to the QR text.
export const SYMPTOMS = ['fever', 'fatigue', 'dry_cough', 'sputum', 'headache', 'sore_throat', 'shortness_of_breath',
  'dyspnoea', 'chest_tightness', 'conjunctival_congestion', 'diarrhoea', 'other']

export const shanghaiToday = (days = 0) => new Date(Date.now() + 8 * 3600000 + days * 86400000).toISOString().slice(0, 10)

export function declarationBody(form, locale) {
  const b = { ...form, language: locale === 'en' ? 'en' : 'zh' }
  b.symptoms = form.symptoms.map((symptom) => ({ symptom }))
  b.visits = form.visits.filter((v) => v.country).map((v) => ({ ...v }))
  if (b.document_type !== 'passport' || !b.mrz) delete b.mrz
  else b.mrz = b.mrz.trim().replace(/\s+/g, ' ')
  if (!b.symptoms_other) delete b.symptoms_other
  return b
}

// "visits[0].left_on" -> "visits", "symptoms[1].symptom" -> "symptoms_other"'s neighbour: the
// form's field that shows the error.
export function fieldOf(field) {
  if (!field) return ''
  const top = field.replace(/\[.*$/, '')
  return top === 'symptoms' ? 'symptoms_other' : top
}

// A scanner types the code and Enter; some add spaces at the ends.
export const scannedText = (s) => (s || '').trim()

// The API's reason a traveller cannot be cleared (health_clearance in src/health/health.c), as
// the key of its words in messages.js `why`; null for a reason not known here (shown as it is).
const WHY = [[/positive/, 'positive'], [/37\.3/, 'fever'], [/symptoms/, 'symptoms'], [/close contact/, 'contact'],
  [/pending/, 'pending'], [/no negative/, 'none'], [/judgement/, 'judgement']]
export function whyKey(text) {
  const hit = WHY.find(([rx]) => rx.test(text || ''))
  return hit ? hit[1] : null
}
