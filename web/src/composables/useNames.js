// useNames.js — names instead of codes (issue 16): country, region and currency names in the
// console's language, from GET /api/v1/reference/names (public, fetched once per load and
// cached by the browser for a day). Until the answer arrives, and for an unknown code, the
// code itself is shown.
import { computed, reactive } from 'vue'
import { api } from '../api.js'
import { i18n } from '../i18n.js'

const state = reactive({ countries: {}, currencies: {}, loaded: false })
let loading = null

function load() {
  if (!loading)
    loading = api('GET', '/reference/names')
      .then((r) => {
        for (const c of r.countries) state.countries[c.code] = c
        for (const c of r.currencies) state.currencies[c.code] = c
        state.loaded = true
      })
      .catch(() => {
        loading = null // try again next time a page asks
      })
  return loading
}

function nameOf(table, code) {
  const e = code && table[String(code).toUpperCase()]
  if (!e) return code || ''
  return i18n.global.locale.value === 'en' ? e.en : e.zh
}

export function useNames() {
  load()
  const options = (table) =>
    computed(() =>
      Object.values(table).map((e) => ({ value: e.code, label: `${nameOf(table, e.code)} ${e.code}`, search: `${e.code} ${e.en} ${e.zh}`.toLowerCase() })),
    )
  return {
    countryName: (code) => nameOf(state.countries, code),
    currencyName: (code) => nameOf(state.currencies, code),
    countryOptions: options(state.countries),
    currencyOptions: options(state.currencies),
    names: state,
  }
}
