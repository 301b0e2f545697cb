// main.js — starts the console: Vue, vue-i18n and the router. Element Plus is imported per
// component (vite.config.js: each page's chunk brings the components its templates use, with
// their CSS files; no inline styles, so the server's CSP needs no 'unsafe-inline'); the
// message and dialog services, called from scripts rather than templates, bring theirs here.
import { createApp } from 'vue'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
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
createApp(App).use(i18n).use(router).mount('#app')
