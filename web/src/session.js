// session.js — who is signed in, and what their role and posts let the console show.
// The server decides every access; these helpers only hide what would be refused.
import { reactive } from 'vue'
import { get, post, del, setCsrfToken } from './api.js'

export const session = reactive({
  user: null,      // {name, role, posts, enterprise}
  loaded: false,   // GET /me has answered once
})

export async function loadSession() {
  try {
    const me = await get('/me')
    session.user = me.user
    setCsrfToken(me.csrf_token)
  } catch {
    session.user = null
    setCsrfToken(null)
  }
  session.loaded = true
  return session.user
}

export async function signIn(username, password) {
  const r = await post('/session', { username, password })
  session.user = r.user
  setCsrfToken(r.csrf_token)
  session.loaded = true
  return r.user
}

export async function signOut() {
  try {
    await del('/session')
  } finally {
    forget()
  }
}

export function forget() {
  session.user = null
  setCsrfToken(null)
}

const posts = (u) => (u && u.posts) || []
export const isAdmin = (u = session.user) => !!u && u.role === 'admin'
export const isOfficer = (u = session.user) => !!u && u.role === 'officer'
export const isManager = (u = session.user) => isOfficer(u) && posts(u).includes('manager')
export const isEnterprise = (u = session.user) => !!u && u.role === 'enterprise'
export const hasPost = (p, u = session.user) => isOfficer(u) && posts(u).includes(p)

// Capabilities, mirroring the route policies of docs/API.md.
export const can = {
  readEnterprises: (u = session.user) => isAdmin(u) || isOfficer(u),
  writeEnterprises: (u = session.user) => isAdmin(u) || hasPost('enterprise', u),
  dashboard: (u = session.user) => isAdmin(u) || isOfficer(u),
  audit: (u = session.user) => isAdmin(u),
  users: (u = session.user) => isAdmin(u),
  ownEnterprise: (u = session.user) => isEnterprise(u),
  // cargo clearance
  declarations: (u = session.user) => isAdmin(u) || isOfficer(u),
  openDeclaration: (u = session.user) => isAdmin(u) || isOfficer(u) || isEnterprise(u),
  release: (u = session.user) => hasPost('clearance', u),
  permitEntry: (u = session.user) => hasPost('clearance', u) || hasPost('inspection', u),
  inspections: (u = session.user) => isAdmin(u) || hasPost('inspection', u) || hasPost('manager', u),
  inspect: (u = session.user) => hasPost('inspection', u),
  tax: (u = session.user) => isAdmin(u) || hasPost('tax', u) || hasPost('manager', u),
  decideTax: (u = session.user) => hasPost('tax', u),
  stats: (u = session.user) => isAdmin(u) || isOfficer(u),
  // risk: the risk post acts, managers read; admins and enterprises are refused (403)
  risk: (u = session.user) => hasPost('risk', u) || isManager(u),
  writeRisk: (u = session.user) => hasPost('risk', u),
}

// Where each role lands after signing in.
export function homeOf(u = session.user) {
  if (!u) return '/signin'
  if (isEnterprise(u)) return '/my-declarations'
  if (isAdmin(u) || isManager(u)) return '/dashboard'
  if (hasPost('clearance', u)) return '/declarations'
  if (hasPost('inspection', u)) return '/inspections'
  if (hasPost('tax', u)) return '/tax'
  if (hasPost('quarantine', u)) return '/health/counter'
  return '/enterprises'
}
