// services.js — the services pages' pure helpers: a line's elements to the element string and
// back, the clock of a first to its tag type, and the categories in the seed's order.
export const CATEGORIES = ['processing_trade_accounts', 'epidemic_supplies', 'port_unloading', 'tax_payment',
  'inspection_certificates', 'other']
export const URGENCIES = ['urgent', 'high', 'normal']

// The element string of the declaration: every position kept, '|' between them.
export const elementString = (values) => values.map((v) => (v || '').replace(/\|/g, '／').trim()).join('|')

export const clockType = (state) => ({ met: 'success', breached: 'danger', running: 'warning' }[state] || 'info')
