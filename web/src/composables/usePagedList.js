// usePagedList.js — the state every list page shares over the API's cursor paging
// ({items, next_cursor}, docs/API.md "Lists"): the rows, loading and error (for StateView), the
// page size and the stack of cursors behind CursorPager's previous/next, and — for pages whose
// filters live in the URL query, so that a reload, a bookmark or the dashboard's links keep them —
// reading the filters from the query and writing them back on search. Only the newest request
// may change the rows: an older answer arriving late is dropped.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export const PAGE_SIZE = 20

// The `limit` of a URL query (1–200), or the default page size.
export function pageSize(v) {
  const n = Number(v)
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : PAGE_SIZE
}

// fetchPage({limit, cursor}) -> Promise<{items, next_cursor}>: one page of the list with the
// page's current filters. Options:
//   query: {read(routeQuery), write() -> {key: value}} — the filters live in the URL query: read
//          sets them from it (on every change of the query, then the first page is loaded);
//          search() writes them back (empty values left out, `limit` when not the default).
//          Without it the first page is loaded at once and search() reloads it.
//   onLoaded(items, isCurrent) — after a page arrives; isCurrent() is false once a newer
//          request has started (for pages that fetch more per row).
//   immediate (default true) — without query: load the first page at once.
export function usePagedList(fetchPage, { query, onLoaded, immediate = true } = {}) {
  const items = ref([])
  const loading = ref(false)
  const error = ref(null)
  const size = ref(PAGE_SIZE)
  const cursors = ref([''])      // cursors[i] is the cursor of page i+1 ('' for the first)
  const nextCursor = ref(null)
  let seq = 0

  // a page by its cursor; without one, the current page again
  async function load(cursor = cursors.value[cursors.value.length - 1]) {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const r = await fetchPage({ limit: size.value, cursor })
      if (mine !== seq) return
      items.value = r.items
      nextCursor.value = r.next_cursor
      if (onLoaded) onLoaded(r.items, () => mine === seq)
    } catch (e) {
      if (mine === seq) {
        error.value = e
        items.value = []
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  function restart() {
    cursors.value = ['']
    return load('')
  }
  function next() {
    cursors.value.push(nextCursor.value)
    return load(nextCursor.value)
  }
  function prev() {
    cursors.value.pop()
    return load()
  }
  const page = computed(() => cursors.value.length)

  let search = restart
  if (query) {
    const route = useRoute()
    const router = useRouter()
    watch(() => route.query, (q) => {
      query.read(q)
      size.value = pageSize(q.limit)
      restart()
    }, { immediate: true })
    search = () => {
      const out = {}
      for (const [k, v] of Object.entries(query.write())) {
        const s = v === true ? 'true' : v === false || v === null || v === undefined ? '' : String(v).trim()
        if (s) out[k] = s
      }
      if (size.value !== PAGE_SIZE) out.limit = size.value
      return router.replace({ query: out })
    }
    // a new page size is a new search (and goes in the URL); the query's own limit is read above
    watch(size, (n, old) => { if (n !== old && n !== pageSize(route.query.limit)) search() })
  } else {
    watch(size, restart)
    if (immediate) restart()
  }

  return {
    items, loading, error, size, page, nextCursor,
    hasPrev: computed(() => page.value > 1),
    hasNext: computed(() => !!nextCursor.value),
    load, restart, search, next, prev,
    setSize: (n) => { size.value = n },   // for CursorPager, which is given this object
  }
}
