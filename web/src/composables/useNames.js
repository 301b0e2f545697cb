// useNames.js — names instead of codes (issue 16): country, region and currency names in the
// console's language, from GET /api/v1/reference/names (public, fetched once per load and
// cached by the browser for a day), and the district's ports by their customs codes (关区代码)
// from GET /api/v1/reference/ports (cached five minutes). Until an answer arrives, and for an
// unknown code, the code itself is shown. useUnits: the customs table of units of measurement
// (GET /api/v1/reference/units, cached a day), keyed by the Chinese name a declaration states;
// asked for only by the pages that show or choose units.
import { computed, reactive } from 'vue'
import { api } from '../api.js'
import { i18n } from '../i18n.js'

const state = reactive({ countries: {}, currencies: {}, ports: {}, loaded: false })
let loading = null
let loadingPorts = null
const units = reactive({ byName: {}, list: [] })
let loadingUnits = null

function loadUnits() {
  if (!loadingUnits)
    loadingUnits = api('GET', '/reference/units')
      .then((r) => {
        units.list = r.items.map((u) => ({ code: u.code, zh: u.name_zh, en: u.name_en }))
        for (const u of units.list) units.byName[u.zh] = u
      })
      .catch(() => {
        loadingUnits = null
      })
  return loadingUnits
}

function loadPorts() {
  if (!loadingPorts)
    loadingPorts = api('GET', '/reference/ports')
      .then((r) => {
        for (const p of r.items) state.ports[p.code] = { code: p.code, zh: p.name_zh, en: p.name_en, modes: p.modes }
      })
      .catch(() => {
        loadingPorts = null
      })
  return loadingPorts
}

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
  loadPorts()
  const options = (table) =>
    computed(() =>
      Object.values(table).map((e) => ({ value: e.code, label: `${nameOf(table, e.code)} ${e.code}`, search: `${e.code} ${e.en} ${e.zh}`.toLowerCase() })),
    )
  return {
    countryName: (code) => nameOf(state.countries, code),
    currencyName: (code) => nameOf(state.currencies, code),
    // a port by its name, its code beside it ("大连港湾海关 0901"): the code stays what is filed
    portName: (code) => nameOf(state.ports, code),
    portLabel: (code) => (code && state.ports[code] ? `${nameOf(state.ports, code)} ${code}` : code || ''),
    countryOptions: options(state.countries),
    currencyOptions: options(state.currencies),
    portOptions: options(state.ports),
    names: state,
  }
}

// A unit by its name in the console's language (English: the table's English name), and its
// option for a UnitSelect: the value stays the Chinese name the API takes. An unknown unit is
// shown as given.
export function useUnits() {
  loadUnits()
  const english = () => i18n.global.locale.value === 'en'
  const unitName = (name) => {
    const u = name && units.byName[name]
    return u ? (english() ? u.en : u.zh) : name || ''
  }
  const unitOption = (u) => ({ value: u.zh, label: `${english() ? u.en : u.zh} ${u.code}`, search: `${u.code} ${u.zh} ${u.en}`.toLowerCase() })
  return { unitName, unitOption, units }
}
