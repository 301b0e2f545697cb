// validators.js — the identifier checks of src/check/ that the console repeats while the user
// types, so that mistakes show at once. The server still judges every request; its per-field
// error is shown in the same place (see EnterpriseForm.vue).

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const W31 = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const W11 = [3, 7, 9, 10, 5, 8, 4, 2]

// Trimmed and upper-cased, as the API does before validating (docs/API.md).
export const normalizeIdent = (s) => String(s ?? '').trim().toUpperCase()

// Unified social credit code, GB 32100 (and its GB 11714 organisation code check).
// Returns null when valid, else a message key of i18n 'check.*'.
export function checkUscc(raw) {
  const s = normalizeIdent(raw)
  if (!s) return 'required'
  if (s.length !== 18) return 'uscc_length'
  for (const c of s) if (!USCC_CHARSET.includes(c)) return 'uscc_chars'
  if (!/^\d{6}$/.test(s.slice(2, 8))) return 'uscc_division'
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = s[8 + i]
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55
    sum += v * W11[i]
  }
  const org = 11 - (sum % 11)
  const orgCheck = org === 10 ? 'X' : org === 11 ? '0' : String(org)
  if (s[16] !== orgCheck) return 'uscc_org_check'
  sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(s[i]) * W31[i]
  if (s[17] !== USCC_CHARSET[(31 - (sum % 31)) % 31]) return 'uscc_check'
  return null
}

// Customs enterprise code: 10 digits or upper-case letters, the first 4 digits.
export function checkCustomsCode(raw) {
  const s = normalizeIdent(raw)
  if (!s) return 'required'
  if (s.length !== 10) return 'customs_code_length'
  if (!/^[0-9A-Z]{10}$/.test(s)) return 'customs_code_chars'
  if (!/^\d{4}/.test(s)) return 'customs_code_area'
  return null
}

// Risk rules, as src/risk/risk.c checks them: an HS prefix of 2–10 digits, a range whose
// minimum is not above its maximum, a rate in percent between 0 and 100. Each answers an
// error key of `risk.check` (i18n.js) or null.
export function checkHsPrefix(raw) {
  const s = String(raw ?? '').trim()
  if (!s) return 'required'
  return /^\d{2,10}$/.test(s) ? null : 'hs_prefix'
}
export function checkRange(min, max) {
  const a = String(min ?? '').trim()
  const b = String(max ?? '').trim()
  if (!a && !b) return 'range_empty'
  if ((a && !/^\d+(\.\d+)?$/.test(a)) || (b && !/^\d+(\.\d+)?$/.test(b))) return 'number'
  if (a && b && Number(a) > Number(b)) return 'range_inverted'
  return null
}
export function checkPercent(raw) {
  const s = String(raw ?? '').trim()
  if (!s) return null
  if (!/^\d+(\.\d+)?$/.test(s) || Number(s) > 100) return 'percent'
  return null
}
// percent text <-> parts per million, without floating error for up to 4 decimals
export const percentToPpm = (p) => Math.round(Number(p) * 10000)
export const ppmToPercent = (ppm) => (ppm === undefined || ppm === null ? '' : String(Number(ppm) / 10000))
