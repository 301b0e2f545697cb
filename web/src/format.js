// format.js — how the console shows money and time (DESIGN.md §4): money is integer fen,
// shown as yuan with two decimals, without floating point; times are shown in Asia/Shanghai
// whatever the browser's own zone.

const TZ = 'Asia/Shanghai'

// 123456 (number, bigint or integer string) -> "1,234.56"; null/undefined -> "".
export function fenToYuan(fen, { grouping = true } = {}) {
  if (fen === null || fen === undefined || fen === '') return ''
  let s = typeof fen === 'bigint' ? fen.toString() : String(fen).trim()
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) throw new RangeError('fen must be an integer')
  if (!/^-?\d+$/.test(s)) throw new RangeError(`not an amount in fen: ${s}`)
  const neg = s.startsWith('-')
  if (neg) s = s.slice(1)
  s = s.replace(/^0+(?=\d)/, '').padStart(3, '0')
  let whole = s.slice(0, -2)
  const cents = s.slice(-2)
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const out = `${whole}.${cents}`
  return neg && out !== '0.00' ? `-${out}` : out
}

// "1,234.5" or "1234.56" -> "123450" (string of integer fen); null when not a valid amount.
export function yuanToFen(text) {
  const s = String(text ?? '').trim().replace(/,/g, '')
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  const fen = (m[2] + (m[3] || '').padEnd(2, '0')).replace(/^0+(?=\d)/, '')
  return m[1] && fen !== '0' ? `-${fen}` : fen
}

// The API's decimal yuan string ("1234.5") shown with two decimals and grouping.
export function yuan(decimal) {
  const fen = yuanToFen(decimal)
  return fen === null ? '' : fenToYuan(fen)
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
})

function toDate(t) {
  if (t === null || t === undefined || t === '') return null
  const d = t instanceof Date ? t : new Date(typeof t === 'number' ? t : String(t))
  return Number.isNaN(d.getTime()) ? null : d
}

// RFC 3339 string, epoch milliseconds or Date -> "2026-11-29 13:07:13" in Asia/Shanghai.
export function formatTime(t, { seconds = true } = {}) {
  const d = toDate(t)
  if (!d) return ''
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`
}

// -> "2026-11-29" (the Shanghai calendar day).
export function formatDate(t) {
  return formatTime(t).slice(0, 10)
}

// A Shanghai calendar day "2026-11-29" -> the RFC 3339 bounds of that day for API filters,
// whose periods include their start and exclude their end: the end of a day is the next
// day's midnight (23:59:59 would leave its last second out).
export function dayStart(day) {
  return day ? `${day}T00:00:00+08:00` : ''
}
export function dayEnd(day) {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return `${new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)}T00:00:00+08:00`
}

// The date-range shortcuts of list filters (今天、本周、本月、上月) as [first, last] calendar days
// (YYYY-MM-DD) of Asia/Shanghai at time nowMs, whatever the browser's zone: a week starts on
// Monday (GB/T 7408); this week and this month end today, last month on its last day.
export function periodDays(nowMs = Date.now()) {
  const day = (ms) => new Date(ms).toISOString().slice(0, 10)
  const today = new Date(nowMs + 8 * 3600000)   // its UTC fields are Shanghai's
  const y = today.getUTCFullYear()
  const m = today.getUTCMonth()
  const d = today.getUTCDate()
  const monday = Date.UTC(y, m, d - ((today.getUTCDay() + 6) % 7))
  return {
    today: [day(Date.UTC(y, m, d)), day(Date.UTC(y, m, d))],
    week: [day(monday), day(Date.UTC(y, m, d))],
    month: [day(Date.UTC(y, m, 1)), day(Date.UTC(y, m, d))],
    lastMonth: [day(Date.UTC(y, m - 1, 1)), day(Date.UTC(y, m, 0))],
  }
}
