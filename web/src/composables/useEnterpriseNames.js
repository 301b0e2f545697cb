// useEnterpriseNames.js — enterprises by name, not USCC (issue 16), for pages whose rows carry a
// bare code and no `parties` (the users list: platform comes before the enterprise registry):
// the registry's first 200 enterprises, fetched once per load; the name follows the console's
// language, and an unknown code (or one beyond those) shows as itself.
import { reactive } from 'vue'
import { get } from '../api.js'
import { i18n } from '../i18n.js'

const names = reactive({})
let loading = null

export function useEnterpriseNames() {
  if (!loading)
    loading = get('/enterprises', { limit: 200 })
      .then((r) => { for (const e of r.items) names[e.uscc] = e })
      .catch(() => { loading = null })
  const nameOf = (uscc) => {
    const e = uscc && names[uscc]
    if (!e) return uscc || ''
    return (i18n.global.locale.value === 'en' && e.name_en) || e.name_zh || uscc
  }
  return { nameOf }
}
