// dataText.js — a translated sentence whose parameters are data (a rule's name, a user's name,
// an item's description: what a user filed, in whatever language it was filed): the sentence as
// a VNode, each such parameter in a <span data-data>, so that the language checks (and a reader
// of the page's structure) tell the console's words from the data. For ElMessageBox messages
// (which take a VNode) and dialog titles (<component :is> in the #header slot).
import { h } from 'vue'

// t: vue-i18n's t; key and params as for t; dataKeys: the names of the params that are data
export function dataText(t, key, params, ...dataKeys) {
  const marks = Object.fromEntries(dataKeys.map((k, i) => [k, `\u0001${i}\u0001`]))
  const parts = t(key, { ...params, ...marks }).split(/\u0001(\d+)\u0001/)
  return h('span', parts.map((p, i) => (i % 2 ? h('span', { 'data-data': '' }, String(params[dataKeys[Number(p)]] ?? '')) : p)))
}
