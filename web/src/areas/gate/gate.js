// gate.js — the gate pages' pure helpers: which failed conditions are the gate's own readings
// (an officer may override those; the server refuses the rest, src/gate/gate.c), and the event
// types of the stream that change the board.
export const OWN_READINGS = ['card', 'plate', 'container_read', 'vin_read', 'weight']
export const BOARD_EVENTS = ['gate.event_held', 'gate.event_passed', 'gate.hold_overridden']

// The latest event of each lane (the first the API lists: latest read first), lanes in gate
// then lane order.
export function lanesOf(events) {
  const latest = new Map()
  for (const e of events) {
    const k = `${e.gate}/${String(e.lane).padStart(2, '0')}`
    if (!latest.has(k)) latest.set(k, e)   // the API lists the latest read first
  }
  return [...latest.keys()].sort().map((k) => latest.get(k))
}

// A failed condition's reason as the gate's decision words it (src/gate/decide.c, and the
// release's refusals it quotes), in the chosen language: the numbers, plates and times it
// names are kept; a reason the table does not know shows as the server wrote it.
const REASONS = [
  [/^no card was read at the lane$/, 'noCard'],
  [/^card (\S+) is not one customs issued$/, 'cardUnknown', ['card']],
  [/^card (\S+) is (\S+)$/, 'cardState', ['card', 'state']],
  [/^card (\S+) is not bound to a plate$/, 'cardNoPlate', ['card']],
  [/^no plate was read to compare with card (\S+)$/, 'noPlateForCard', ['card']],
  [/^card (\S+) is bound to plate (\S+), not (\S+)$/, 'cardOtherPlate', ['card', 'bound', 'read']],
  [/^bound to plate (\S+)$/, 'boundPlate', ['plate']],
  [/^tag (\S+) is not bound to a VIN$/, 'tagNoVin', ['tag']],
  [/^bound to VIN (\S+)$/, 'boundVin', ['vin']],
  [/^tag (\S+) is bound to VIN (\S+), which was not read$/, 'tagVinUnread', ['tag', 'vin']],
  [/^no plate was read$/, 'noPlate'],
  [/^(\S+) is not a plate number: (.+)$/, 'notPlate', ['text', 'why']],
  [/^plate read with confidence (\S+), below (\S+)$/, 'plateLow', ['got', 'min']],
  [/^(\S+) is a misread, not a container number: wrong check digit$/, 'containerCheckDigit', ['text']],
  [/^(\S+) is a misread, not a container number: (.+)$/, 'containerMisread', ['text', 'why']],
  [/^container read with confidence (\S+), below (\S+)$/, 'containerLow', ['got', 'min']],
  [/^no container: an empty truck$/, 'emptyTruck'],
  [/^(\S+) is not a VIN: (.+)$/, 'notVin', ['text', 'why']],
  [/^no VIN was read at a car gate$/, 'noVin'],
  [/^no declaration covers (VIN|container) (\S+)$/, 'noDeclaration', ['kind', 'no']],
  [/^released at (\S+), after the truck passed$/, 'releasedAfter', ['at']],
  [/^(\S+) left through a gate at (\S+)$/, 'leftAlready', ['no', 'at']],
  [/^container (\S+) is on no manifest: the port does not expect it$/, 'noManifest', ['no']],
  [/^bill (\S+)$/, 'bill', ['bill']],
  [/^the weighbridge gave no gross weight and tare$/, 'noWeight'],
  [/^no declared weight for (\S+)$/, 'noDeclaredWeight', ['no']],
  [/^load (\d+) kg \(gross (\d+) less tare (\d+)\) against ([\d.]+) kg declared, tolerance ([\d.]+) kg$/, 'weightOff',
    ['load', 'gross', 'tare', 'declared', 'tolerance']],
  [/^declaration (\S+) is (\S+), not released$/, 'notReleased', ['entry', 'status']],
  [/^an inspection of declaration (\S+) is open$/, 'inspectionOpen', ['entry']],
  [/^producer (\S+) is suspended \((\d+) positive batches\)$/, 'producerSuspended', ['producer', 'batches']],
]

// t, te: vue-i18n's; times (ISO) are shown as Asia/Shanghai times by fmtTime
export function reasonWords(reason, t, te, fmtTime) {
  if (!reason) return ''
  return reason.split('; ').map((part) => {
    for (const [re, key, names = []] of REASONS) {
      const m = re.exec(part)
      if (!m) continue
      const args = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]))
      if (args.at) args.at = fmtTime(args.at)
      if (args.state && te(`gate.status.${args.state}`)) args.state = t(`gate.status.${args.state}`)
      if (args.status && te(`status.${args.status}`)) args.status = t(`status.${args.status}`)
      if (args.kind) args.kind = args.kind === 'VIN' ? t('gate.reason.vin') : t('gate.reason.container')
      return t(`gate.reason.${key}`, args)
    }
    return part
  }).join(t('insp.reasonSep'))
}
