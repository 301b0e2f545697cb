// main.js — starts the console: Vue, Element Plus (its own CSS file; no inline styles, so the
// server's CSP needs no 'unsafe-inline'), vue-i18n and the router.
import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { i18n } from './i18n.js'
import { router } from './router.js'
import { setUnauthenticatedHandler } from './api.js'
import { forget } from './session.js'
import './style.css'

setUnauthenticatedHandler(() => {
  forget()
  const here = router.currentRoute.value
  if (!here.meta.public) router.push({ name: 'signin', query: { next: here.fullPath, expired: '1' } })
})

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(ElementPlus).use(i18n).use(router).mount('#app')
