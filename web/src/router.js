// router.js — the console's pages. Paths come from paths.json, which the build also embeds
// in the server's route table (tools/embed_assets.py) so that a reload on any page gets
// index.html. A new page: add its path to paths.json, its component and access rule here,
// and a menu entry in pages/Shell.vue (see docs/CONSOLE.md).
import { createRouter, createWebHistory } from 'vue-router'
import paths from './paths.json'
import { session, loadSession, homeOf, can } from './session.js'

import SignIn from './pages/SignIn.vue'
import Shell from './pages/Shell.vue'
import NotFound from './pages/NotFound.vue'

// name -> [component loader, who may open it]
const pages = {
  dashboard: [() => import('./pages/Dashboard.vue'), can.dashboard],
  enterprises: [() => import('./pages/EnterpriseList.vue'), can.readEnterprises],
  'enterprise-new': [() => import('./pages/EnterpriseForm.vue'), can.writeEnterprises],
  enterprise: [() => import('./pages/EnterpriseDetail.vue'), (u) => can.readEnterprises(u) || can.ownEnterprise(u)],
  'enterprise-edit': [() => import('./pages/EnterpriseForm.vue'), can.writeEnterprises],
  'my-enterprise': [() => import('./pages/MyEnterprise.vue'), can.ownEnterprise],
  declarations: [() => import('./pages/DeclarationList.vue'), can.declarations],
  'declaration-new': [() => import('./pages/DeclarationForm.vue'), can.ownEnterprise],
  declaration: [() => import('./pages/DeclarationDetail.vue'), can.openDeclaration],
  'my-declarations': [() => import('./pages/MyDeclarations.vue'), can.ownEnterprise],
  'my-manifests': [() => import('./pages/MyManifests.vue'), can.ownEnterprise],
  'my-tax': [() => import('./pages/MyTax.vue'), can.ownEnterprise],
  'my-notifications': [() => import('./pages/MyNotifications.vue'), can.ownEnterprise],
  inspections: [() => import('./pages/InspectionQueue.vue'), can.inspections],
  tax: [() => import('./pages/TaxDesk.vue'), can.tax],
  // the page itself says "not allowed" to those who may not open it (the URL stays)
  risk: [() => import('./pages/RiskRules.vue'), () => true],
  audit: [() => import('./pages/AuditTrail.vue'), can.audit],
  users: [() => import('./pages/Users.vue'), can.users],
  tokens: [() => import('./pages/Tokens.vue'), can.users],
}

const pathOf = Object.fromEntries(paths.map((p) => [p.name, p.path]))

const children = Object.entries(pages).map(([name, [component, allowed]]) => ({
  name,
  path: pathOf[name],
  component,
  meta: { allowed },
  props: true,
}))

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { name: 'signin', path: pathOf.signin, component: SignIn, meta: { public: true } },
    {
      path: '/',
      component: Shell,
      children: [{ name: 'home', path: '', redirect: () => homeOf() }, ...children],
    },
    // a mistyped address: the console's own page (the server answers it 404 with index.html)
    { name: 'not-found', path: '/:rest(.*)*', component: NotFound, meta: { public: true } },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) await loadSession()
  if (to.meta.public) return session.user && to.name === 'signin' ? homeOf() : true
  if (!session.user) return { name: 'signin', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (to.meta.allowed && !to.meta.allowed(session.user)) return homeOf()
  return true
})
