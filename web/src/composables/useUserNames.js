// useUserNames.js — users by the name people know them by (issue 16): the display names of
// GET /api/v1/user-names (the browser keeps the answer five minutes), fetched once per load.
// An account without a display name, one the answer does not hold ("cli:…", "demo") and every
// name until the answer arrives show as the account name itself.
import { computed, reactive } from 'vue'
import { get } from '../api.js'

const names = reactive({})
let loading = null

export function useUserNames() {
  if (!loading)
    loading = get('/user-names')
      .then((r) => { for (const u of r.items) names[u.name] = u.display_name })
      .catch(() => { loading = null }) // signed out, or a fault: try again on the next page
  const displayName = (name) => (name && names[name]) || name || ''
  // for a select of users: each account by its display name and account name
  const userOptions = computed(() => Object.keys(names).sort().map((n) => ({ value: n, label: names[n] ? `${names[n]} ${n}` : n })))
  return { displayName, userOptions }
}
