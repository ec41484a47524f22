import type { EventEnvelope } from '../events/envelope';

type Events = readonly EventEnvelope[];

/**
 * Finding an id among a long complaint's folded events without a scan.
 *
 * Event lists made by the fold are only ever extended into new lists (a
 * copy plus one event), never changed, so one id → position table serves a
 * whole line of lists: an id is in a list when its position is inside the
 * list and holds it. The table follows the newest list of the line; a list
 * extended a second time (a fork) starts its own table when first asked.
 * Lists from elsewhere (a store, a response) are scanned: building a table
 * for a list asked once costs more than the scan.
 */
interface IdTable {
  positions: Map<string, number>;
  /** The longest list the table covers; only it may extend the table. */
  tip: Events;
}

/** Below this many events a scan is cheaper than keeping a table. */
const TABLE_FROM = 64;

const ours = new WeakSet<Events>();
const tables = new WeakMap<Events, IdTable>();

/** Records a list the fold built itself. */
export function markFolded(events: Events): void {
  if (events.length >= TABLE_FROM) ours.add(events);
}

/** The position of the event with this id, or -1. */
export function indexOfId(events: Events, id: string): number {
  if (events.length < TABLE_FROM || !ours.has(events)) return events.findIndex((e) => e.id === id);
  const i = tableOf(events).positions.get(id);
  return i !== undefined && i < events.length && events[i]?.id === id ? i : -1;
}

/** Records `child`, which is `parent` plus one event at the end. */
export function markExtended(parent: Events, child: Events): void {
  if (child.length < TABLE_FROM) return;
  ours.add(child);
  const table = tables.get(parent);
  const added = child[child.length - 1];
  if (!table || table.tip !== parent || !added) return;
  table.positions.set(added.id, child.length - 1);
  table.tip = child;
  tables.set(child, table);
}

function tableOf(events: Events): IdTable {
  const known = tables.get(events);
  if (known) return known;
  const positions = new Map<string, number>();
  events.forEach((e, i) => positions.set(e.id, i));
  const table = { positions, tip: events };
  tables.set(events, table);
  return table;
}
