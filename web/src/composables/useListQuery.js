// useListQuery.js — a list page over the API's numbered pages (docs/api/lists.md: q, sort,
// page, limit; answers {items, total}): the rows, their total, loading and error (for
// StateView), and the page, page size, sort and search text — all kept in the URL query with
// the page's own filters, so that a reload, a bookmark or the way back from a detail page lands
// on the same rows. Only the newest request may change the rows: an older answer arriving late
// is dropped. (usePagedList is the cursor-paged variant, for lists without numbered pages.)
import { reactive, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { get } from '../api.js'
import { PAGE_SIZE, pageSize } from './usePagedList.js'
import { useExport } from './useExport.js'

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

// A list page's filters, declared once: each filter's name with
//   an array of the values the URL may choose (else ''), or {choices, value} with another default;
//   String: any text ('' by default);
//   Boolean: a checkbox (false; 'true' in the URL and to the API, else left out).
// useFilteredList(path, {filters, defaultSort, exportPath, params, also}) is useListQuery over
// GET path with those filters: it makes them (a reactive `filters`), reads and writes them in the
// URL query (values at their default left out), passes them to the API (`params(filters)` when
// the API's names differ from the URL's), and adds reset() (the defaults and an empty search
// box, then the first page) and, with exportPath, the audited CSV export of the list as
// filtered, searched and sorted (useExport: exporting, exportCsv). `also` {read(routeQuery),
// write()} keeps other state of the page in the same URL query (a tab).
export function useFilteredList(path, { filters: spec, defaultSort = '', exportPath, params, also } = {}) {
  const kinds = Object.fromEntries(Object.entries(spec).map(([k, s]) => [k,
    s === Boolean ? { bool: true, value: false }
      : s === String ? { text: true, value: '' }
        : Array.isArray(s) ? { choices: s, value: '' } : { choices: s.choices, value: s.value ?? '' }]))
  const defaults = () => Object.fromEntries(Object.entries(kinds).map(([k, s]) => [k, s.value]))
  const filters = reactive(defaults())
  const urlValue = (k, v) => (kinds[k].bool ? (v ? 'true' : '') : v)
  const urlFilters = () => Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === kinds[k].value ? '' : urlValue(k, v)]))
  const apiParams = () => (params ? params(filters)
    : Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, urlValue(k, v)])))
  const list = useListQuery(
    ({ limit, page, sort, q }) => get(path, { ...apiParams(), q, sort, page, limit }),
    {
      read: (rq) => {
        for (const [k, s] of Object.entries(kinds)) {
          const v = rq[k]
          filters[k] = s.bool ? v === 'true' : s.text ? (typeof v === 'string' ? v : s.value) : s.choices.includes(v) ? v : s.value
        }
        if (also) also.read(rq)
      },
      write: () => ({ ...(also ? also.write() : {}), ...urlFilters() }),
      defaultSort,
    },
  )
  function reset() {
    Object.assign(filters, defaults())
    list.q.value = ''
    list.search()
  }
  const exported = exportPath
    ? useExport(exportPath, () => ({ ...apiParams(), q: list.q.value.trim(), sort: list.sort.value }))
    : {}
  return { ...list, filters, reset, ...exported }
}
