// api.js — the console's only way to the server: fetch on /api/v1/ with the session cookie
// (HttpOnly, the browser sends it) and, on state-changing requests, the CSRF token. The token
// lives in this module's memory only, never in localStorage or a cookie we can read: after a
// reload it is recovered from GET /api/v1/me (session.js).

let csrfToken = null
let onUnauthenticated = null
let language = 'zh-CN'

export function setCsrfToken(token) {
  csrfToken = token || null
}

// The language of the API's messages (its Accept-Language): the console's, set by i18n.js at
// start and on every switch, so that a refusal the console has no words for comes in the
// user's language (docs/API.md, errors).
export function setApiLanguage(lang) {
  language = lang === 'en' ? 'en' : 'zh-CN'
}

// Called with the error when a request answers 401 (session expired): the router sends the
// user to the sign-in page.
export function setUnauthenticatedHandler(fn) {
  onUnauthenticated = fn
}

// An error answer of the API: status, code, the offending field and the message.
export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {}
    super(e.message || `HTTP ${status}`)
    this.status = status
    this.code = e.code || (status === 0 ? 'network' : 'internal')
    this.field = e.field || ''
    this.requestId = e.request_id || ''
  }
}

function query(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params || {}))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

// api('GET', '/enterprises', {query: {limit: 20}}) -> parsed JSON (null for 204).
export async function api(method, path, { body, query: params } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': language }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  let res
  try {
    res = await fetch(`/api/v1${path}${query(params)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new ApiError(0, { error: { code: 'network', message: String(e && e.message) } })
  }
  if (res.status === 204) return null
  let data = null
  try {
    data = await res.json()
  } catch {
    data = null
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data)
    if (res.status === 401 && onUnauthenticated && path !== '/session' && path !== '/me') onUnauthenticated(err)
    throw err
  }
  return data
}

export const get = (path, params) => api('GET', path, { query: params })
export const post = (path, body) => api('POST', path, { body: body ?? {} })
export const patch = (path, body) => api('PATCH', path, { body })
export const del = (path) => api('DELETE', path)

// A file the API answers to a POST (an export, docs/api/lists.md): fetched with the CSRF token,
// then saved by the browser under the name the answer gives. Errors as api().
export async function download(path, params) {
  let res
  try {
    res = await fetch(`/api/v1${path}${query(params)}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken || '', 'Accept-Language': language },
    })
  } catch (e) {
    throw new ApiError(0, { error: { code: 'network', message: String(e && e.message) } })
  }
  if (!res.ok) {
    const err = new ApiError(res.status, await res.json().catch(() => null))
    if (res.status === 401 && onUnauthenticated) onUnauthenticated(err)
    throw err
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name ? name[1] : 'export.csv'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
