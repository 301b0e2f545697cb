// useLocalList.js — a whole list (an API list small enough to come in one answer) searched in
// the page: the rows newest first (by id), loading and error (for StateView), the search text q
// and the rows it keeps (`shown`, any field containing it, in any case), counted by the page. For
// the lists that are paged by the API, useListQuery (numbered pages) or usePagedList (cursor).
import { computed, reactive, ref } from 'vue'

// fetch() -> Promise<{items}> with the page's current filters; load() fetches again.
export function useLocalList(fetch) {
  const rows = ref([])
  const loading = ref(true)
  const error = ref(null)
  const q = ref('')
  async function load() {
    loading.value = true
    error.value = null
    try {
      rows.value = [...(await fetch()).items].sort((x, y) => y.id - x.id)
    } catch (e) {
      error.value = e
      rows.value = []
    } finally {
      loading.value = false
    }
  }
  const shown = computed(() => {
    const k = q.value.trim().toLowerCase()
    return k ? rows.value.filter((r) => JSON.stringify(r).toLowerCase().includes(k)) : rows.value
  })
  return reactive({ rows, loading, error, q, load, shown })
}
