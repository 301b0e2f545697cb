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
