// useListQuery.js — a list page over the API's numbered pages (docs/api/lists.md: q, sort,
// page, limit; answers {items, total}): the rows, their total, loading and error (for
// StateView), and the page, page size, sort and search text — all kept in the URL query with
// the page's own filters, so that a reload, a bookmark or the way back from a detail page lands
// on the same rows. Only the newest request may change the rows: an older answer arriving late
// is dropped. (usePagedList is the cursor-paged variant, for lists without numbered pages.)
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { PAGE_SIZE, pageSize } from './usePagedList.js'

const text = (v) => (typeof v === 'string' ? v : '')
const pageNo = (v) => {
  const n = Number(v)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

// fetchPage({limit, page, sort, q}) -> Promise<{items, total}> with the page's filters.
// Options:
//   read(routeQuery) — sets the page's filters from the URL query (on every change of it);
//   write() -> {key: value} — the page's filters for the URL (empty values left out);
//   defaultSort — the sort when the URL names none ('-filed_at': newest first), left out of it.
export function useListQuery(fetchPage, { read, write, defaultSort = '' }) {
  const route = useRoute()
  const router = useRouter()
  const items = ref([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref(null)
  const page = ref(1)
  const size = ref(PAGE_SIZE)
  const sort = ref(defaultSort)
  const q = ref('')
  let seq = 0

  async function load() {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await fetchPage({ limit: size.value, page: page.value, sort: sort.value, q: q.value.trim() })
      if (mine !== seq) return
      items.value = r.items
      total.value = r.total ?? r.items.length
    } catch (e) {
      if (mine === seq) {
        error.value = e
        items.value = []
        total.value = 0
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  watch(() => route.query, (rq) => {
    read(rq)
    q.value = text(rq.q)
    sort.value = text(rq.sort) || defaultSort
    page.value = pageNo(rq.page)
    size.value = pageSize(rq.limit)
    load()
  }, { immediate: true })

  // the URL query of the current state, with `over` (page, limit, sort) changed
  function urlQuery(over = {}) {
    const out = {}
    const all = { ...write(), q: q.value, sort: sort.value === defaultSort ? '' : sort.value, page: page.value,
      limit: size.value, ...over }
    if (all.page === 1) delete all.page
    if (all.limit === PAGE_SIZE) delete all.limit
    for (const [k, v] of Object.entries(all)) {
      const s = v === true ? 'true' : v === false || v === null || v === undefined ? '' : String(v).trim()
      if (s) out[k] = s
    }
    return out
  }
  const go = (over) => router.replace({ query: urlQuery(over) })

  return {
    items, total, loading, error, page, size, sort, q, load,
    // new filters or search text: their first page
    search: () => go({ page: 1 }),
    goTo: (n) => go({ page: n }),
    setSize: (n) => go({ page: 1, limit: n }),
    // el-table's sort-change: {prop, order: 'ascending' | 'descending' | null}
    setSort: ({ prop, order }) =>
      go({ page: 1, sort: !order ? '' : order === 'descending' ? `-${prop}` : prop }),
    // el-table's default-sort for the current sort
    tableSort: () => {
      const s = sort.value || defaultSort
      return s ? { prop: s.replace(/^-/, ''), order: s.startsWith('-') ? 'descending' : 'ascending' } : {}
    },
  }
}
