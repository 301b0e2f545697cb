// router.js — the console's pages. Paths come from paths.json, which the build also embeds
// in the server's route table (tools/embed_assets.py) so that a reload on any page gets
// index.html. A new page: add its path to paths.json, its component and access rule here,
// and a menu entry in pages/Shell.vue (see docs/CONSOLE.md).
import { createRouter, createWebHistory } from 'vue-router'
import paths from './paths.json'
import { watch } from 'vue'
import { session, loadSession, homeOf, can } from './session.js'
import { i18n } from './i18n.js'
import { areaPages, addAreaMessages } from './areas.js'

addAreaMessages(i18n)

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
  'my-webhooks': [() => import('./pages/MyWebhooks.vue'), can.ownEnterprise],
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
// the business areas' pages (areas.js): signed-in ones in the frame, public ones alone
for (const p of areaPages.filter((a) => !a.public))
  children.push({ name: p.name, path: p.path, component: p.component, meta: { allowed: p.allowed, title: p.menu }, props: true })
const publicAreaPages = areaPages
  .filter((a) => a.public)
  .map((p) => ({ name: p.name, path: p.path, component: p.component, meta: { public: true, title: p.menu }, props: true }))

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { name: 'signin', path: pathOf.signin, component: SignIn, meta: { public: true } },
    ...publicAreaPages,
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

// Each page's title (WCAG 2.4.2): the menu's name of the page, or of the list it belongs to;
// a page not named here has the console's name. Kept in the current language.
const TITLES = {
  signin: 'signin.title', dashboard: 'menu.dashboard', enterprises: 'menu.enterprises',
  'enterprise-new': 'menu.enterprises', enterprise: 'menu.enterprises', 'enterprise-edit': 'menu.enterprises',
  'my-enterprise': 'menu.myEnterprise', declarations: 'menu.declarations', 'declaration-new': 'menu.fileDeclaration',
  declaration: 'menu.declarations', 'my-declarations': 'menu.myDeclarations', 'my-manifests': 'menu.myManifests',
  'my-tax': 'menu.myTax', 'my-notifications': 'menu.myNotifications', inspections: 'menu.inspections',
  tax: 'menu.tax', risk: 'menu.risk', audit: 'menu.audit', users: 'menu.users', tokens: 'menu.tokens',
  'not-found': 'notFound.title',
}

function setTitle(route) {
  const { t, te } = i18n.global
  const key = TITLES[route.name] || route.meta.title
  const app = t('app.name')
  const what = route.name === 'declaration' && route.params.entry_no ? ` ${route.params.entry_no}` : ''
  document.title = key && te(key) ? `${t(key)}${what} · ${app}` : app
}

router.afterEach((to) => setTitle(to))
watch(i18n.global.locale, () => setTitle(router.currentRoute.value))
