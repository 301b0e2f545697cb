// enums.js — the values of the API's enumerations (docs/API.md), in display order.
export const CREDIT_LEVELS = ['advanced_certified', 'general_certified', 'general_credit', 'dishonest']
export const ENTERPRISE_KINDS = [
  'importer', 'exporter', 'broker', 'shipping_agent', 'shipyard', 'bonded_warehouse', 'ecommerce_platform',
  'logistics', 'manufacturer', 'airline', 'terminal',
]
export const ROLES = ['admin', 'officer', 'enterprise', 'system']
export const POSTS = [
  'clearance', 'risk', 'inspection', 'tax', 'gate', 'quarantine', 'bonded', 'liaison', 'enterprise', 'antismuggling',
  'manager',
]
export const CREDIT_TAG = {
  advanced_certified: 'success', general_certified: 'primary', general_credit: 'info', dishonest: 'danger',
}

// cargo clearance (docs/API.md "Cargo")
export const DECL_STATES = ['filed', 'inspection', 'permitted', 'released', 'refused']
export const LANES = ['green', 'yellow', 'red', 'blue']
export const DIRECTIONS = ['import', 'export']
export const DECL_KINDS = ['complete', 'summary']
export const TRANSPORT_MODES = ['sea', 'air', 'road', 'rail']
export const LANE_TAG = { green: 'success', yellow: 'warning', red: 'danger', blue: 'primary' }
export const STATUS_TAG = { filed: 'info', inspection: 'warning', permitted: 'primary', released: 'success', refused: 'danger',
  returned: 'warning', cancelled: 'info' }
