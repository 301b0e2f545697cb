// usePrintSheet.js — printing one sheet of the page alone: while `printing` is true the page
// shows its sheet (Teleported to <body>), a print stylesheet of the sheet's own (its page size:
// the CSP allows no inline style) is linked for that print only, and the browser's print dialog
// opens once the stylesheet has loaded; `afterprint` (or leaving the page) ends it. For the
// sample labels (60 × 40 mm) and the A4 documents of a declaration.
import { onBeforeUnmount, ref } from 'vue'

// cssUrl: the stylesheet's URL (import x from './x.css?url'); test: its data-test name
export function usePrintSheet(cssUrl, test) {
  const printing = ref(false)
  let link = null
  function done() {
    printing.value = false
    window.removeEventListener('afterprint', done)
    link?.remove()
    link = null
  }
  function print() {
    done()
    printing.value = true
    link = document.createElement('link')
    Object.assign(link, { rel: 'stylesheet', media: 'print', href: cssUrl })
    link.dataset.test = test
    document.head.appendChild(link)
    window.addEventListener('afterprint', done)
    link.addEventListener('load', () => window.print(), { once: true })
  }
  onBeforeUnmount(done)
  return { printing, print, done }
}
