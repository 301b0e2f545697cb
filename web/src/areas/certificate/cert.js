// cert.js — the certificate area's pure helpers: the statuses' tag colours, the online check's
// results, and reading a certificate's QR text in the browser (RFC 9285 Base45, zlib, the CBOR
// of the COSE_Sign1 the server signs: docs/api/certificate.md) to learn its number — the server
// verifies the signature; the page only needs the number to ask it. A PDF's QR text is the
// PDF's Keywords (cairo writes it as a plain PDF string: Base45 has no parentheses).
import { ref } from 'vue'
import { get } from '../../api.js'

export const STATUSES = ['applied', 'issued', 'annulled']
export const STATUS_TAG = { applied: 'warning', issued: 'success', annulled: 'info' }
export const RESULT_TAG = { valid: 'success', annulled: 'warning', replaced: 'warning', tampered: 'danger', locked: 'danger', unknown: 'info' }
// the refusals the application (and the candidates' list) names by their rule
export const RULES = ['not_inspected', 'inspection_open', 'inspection_failed', 'not_exporter', 'not_export', 'duplicate',
  'already_annulled', 'conflict', 'forbidden']
// the results whose code matched: the genuine PDF is offered beside them
export const GENUINE = ['valid', 'annulled', 'replaced']

// The kinds of certificate (GET /certificate-kinds), fetched once per load.
const kinds = ref([])
let loading = null
export function useKinds() {
  if (!loading)
    loading = get('/certificate-kinds').then((r) => { kinds.value = r.items }).catch(() => { loading = null })
  return kinds
}
export function kindName(list, code, locale) {
  const k = (list || []).find((x) => x.code === code)
  if (!k) return code || ''
  return locale === 'en' ? k.name_en : k.name_zh
}

const B45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

// Base45 text -> bytes; throws on a character outside the alphabet or a bad length.
export function base45Decode(text) {
  const v = [...text].map((c) => {
    const i = B45.indexOf(c)
    if (i < 0) throw new Error('not Base45')
    return i
  })
  if (v.length % 3 === 1) throw new Error('not Base45')
  const out = []
  for (let i = 0; i < v.length; i += 3) {
    if (i + 2 < v.length) {
      const n = v[i] + v[i + 1] * 45 + v[i + 2] * 2025
      if (n > 0xffff) throw new Error('not Base45')
      out.push(n >> 8, n & 0xff)
    } else {
      const n = v[i] + v[i + 1] * 45
      if (n > 0xff) throw new Error('not Base45')
      out.push(n)
    }
  }
  return new Uint8Array(out)
}

// A CBOR item of bytes at offset -> [value, next offset]: the types a COSE_Sign1 and its claims use.
export function cborDecode(b, at = 0) {
  const head = b[at]
  if (head === undefined) throw new Error('CBOR cut short')
  const major = head >> 5
  const info = head & 31
  let n = info
  let p = at + 1
  if (info === 24) n = b[p++]
  else if (info === 25) { n = (b[p] << 8) | b[p + 1]; p += 2 }
  else if (info === 26) { n = ((b[p] << 24) >>> 0) + ((b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]); p += 4 }
  else if (info === 27) { n = 0; for (let i = 0; i < 8; i++) n = n * 256 + b[p + i]; p += 8 }
  else if (info > 27) throw new Error('CBOR: indefinite lengths are not used')
  switch (major) {
    case 0: return [n, p]
    case 1: return [-1 - n, p]
    case 2: return [b.slice(p, p + n), p + n]
    case 3: return [new TextDecoder().decode(b.slice(p, p + n)), p + n]
    case 4: {
      const a = []
      for (let i = 0; i < n; i++) { const [v, q] = cborDecode(b, p); a.push(v); p = q }
      return [a, p]
    }
    case 5: {
      const m = {}
      for (let i = 0; i < n; i++) {
        const [k, q] = cborDecode(b, p)
        const [v, r] = cborDecode(b, q)
        m[k] = v
        p = r
      }
      return [m, p]
    }
    case 6: return cborDecode(b, p) // a tag (COSE_Sign1 is 18): its content
    default:
      if (info === 20) return [false, p]
      if (info === 21) return [true, p]
      if (info === 22) return [null, p]
      throw new Error('CBOR: unexpected simple value')
  }
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

// A certificate's QR text ("HGC1:…") -> its claims {no, ver, st, c, iat}, unverified (the
// server checks the signature); throws when the text is not one.
export async function readQr(text) {
  const t = String(text || '').trim()
  if (!t.startsWith('HGC1:')) throw new Error('not a certificate QR code')
  const [cose] = cborDecode(await inflate(base45Decode(t.slice(5))))
  if (!Array.isArray(cose) || cose.length !== 4 || !(cose[2] instanceof Uint8Array)) throw new Error('not COSE_Sign1')
  const [claims] = cborDecode(cose[2])
  if (!claims || typeof claims.no !== 'string') throw new Error('no certificate number')
  return claims
}

// The QR text a certificate PDF carries in its Keywords, or '' (bytes: Uint8Array).
export function qrOfPdf(bytes) {
  const text = new TextDecoder('latin1').decode(bytes)
  const m = /\/Keywords\s*\((HGC1:[^)]*)\)/.exec(text)
  return m ? m[1] : ''
}

// SHA-256 of bytes as 64 lower-case hex digits.
export async function sha256Hex(bytes) {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...h].map((x) => x.toString(16).padStart(2, '0')).join('')
}
