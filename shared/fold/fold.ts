import type { EventEnvelope, StoredEvent } from '../events/envelope';
import { isEventType, type EventType } from '../events/catalogue';
import { checkPayload } from '../events/checked-payloads';
import { draftOf, emptyProjection, type ComplaintProjection, type TimelineEntry } from './projection';
import { compareEvents, envelopeOnly, preferredCopy } from './order';
import { STEPS } from './steps';
import { invalid, type CheckedEvent, type Step, type Verdict } from './steps/verdict';
import { deriveDeadlines } from './derive-deadlines';
import { indexOfId, markExtended, markFolded } from './id-index';
import type { FoldContext } from './context';

export type { FoldContext } from './context';
export { compareEvents } from './order';

type Incoming = EventEnvelope | StoredEvent;

const isRejected = (e: Incoming) => (e as StoredEvent).status === 'rejected';

/**
 * The state of one complaint from its events: applied in (HLC, id) order,
 * duplicates (same id) counted once, rejected events never. Null when there
 * is nothing to fold. Events of another complaint than the one created (or,
 * without a creation, the earliest event's) are ignored.
 */
export function fold(events: Iterable<Incoming>, ctx: FoldContext): ComplaintProjection | null {
  // A rejected copy is the server's final word on that id, whatever else arrived.
  const rejected = new Set<string>();
  const byId = new Map<string, EventEnvelope>();
  for (const e of events) {
    if (isRejected(e)) {
      rejected.add(e.id);
      continue;
    }
    const seen = byId.get(e.id);
    byId.set(e.id, seen ? preferredCopy(seen, envelopeOnly(e)) : envelopeOnly(e));
  }
  for (const id of rejected) byId.delete(id);
  const sorted = [...byId.values()].sort(compareEvents);
  const anchor = sorted.find((e) => e.type === 'complaint.created') ?? sorted[0];
  if (!anchor) return null;
  return replay(sorted.filter((e) => e.complaintId === anchor.complaintId), anchor, ctx);
}

/**
 * Folds one more event into a projection. The result equals fold() of all
 * the events whatever their arrival order: an event later than the last one
 * applied is stepped on (the common case); an earlier one is inserted in
 * place and the complaint replayed. A rejected copy of a folded event takes
 * it back out. The input projection is never modified.
 */
export function apply(projection: ComplaintProjection | null, event: Incoming, ctx: FoldContext): ComplaintProjection | null {
  if (projection === null) {
    return isRejected(event) ? null : fold([event], ctx);
  }
  if (event.complaintId !== projection.id) return projection;
  const events = projection.events;
  const index = indexOfId(events, event.id);

  if (isRejected(event)) {
    // The server's word is final: the pending local copy comes back out.
    if (index < 0) return projection;
    return replayFrom(events.filter((e) => e.id !== event.id), ctx);
  }

  const clean = envelopeOnly(event);
  if (index >= 0) {
    const kept = preferredCopy(events[index]!, clean);
    if (kept === events[index]) return projection;
    return replayFrom(events.map((e, i) => (i === index ? kept : e)).sort(compareEvents), ctx);
  }

  const last = events.at(-1);
  if (last && compareEvents(last, clean) < 0) {
    // The common case: a copy of the containers a step may change, sharing
    // everything else with the input (steps replace, never edit, shared parts).
    const draft = draftOf(projection);
    // One allocation each for the longer lists (a copy then a push would copy twice).
    const entry = record(draft, clean, ctx);
    draft.timeline = projection.timeline.concat([entry]);
    draft.events = events.concat([clean]);
    draft.eventCount = draft.events.length;
    markExtended(events, draft.events);
    draft.deadlines = deriveDeadlines(draft, ctx);
    return draft;
  }
  const merged = [...events, clean].sort(compareEvents);
  return replayFrom(merged, ctx);
}

function replayFrom(sorted: EventEnvelope[], ctx: FoldContext): ComplaintProjection | null {
  const anchor = sorted.find((e) => e.type === 'complaint.created') ?? sorted[0];
  if (!anchor) return null;
  return replay(sorted.filter((e) => e.complaintId === anchor.complaintId), anchor, ctx);
}

function replay(sorted: EventEnvelope[], anchor: EventEnvelope, ctx: FoldContext): ComplaintProjection {
  const p = emptyProjection(anchor.complaintId, anchor.branchId);
  for (const e of sorted) step(p, e, ctx);
  markFolded(p.events);
  p.deadlines = deriveDeadlines(p, ctx);
  return p;
}

/** Runs the state machine for one event and records it in the timeline, whatever the verdict. */
function step(p: ComplaintProjection, e: EventEnvelope, ctx: FoldContext): void {
  p.timeline.push(record(p, e, ctx));
  p.events.push(e);
  p.eventCount = p.events.length;
}

/**
 * Everything a step does but growing the two history lists: the state
 * machine, the last-change fields, and the timeline entry to add.
 */
function record(p: ComplaintProjection, e: EventEnvelope, ctx: FoldContext): TimelineEntry {
  const verdict = judge(p, e, ctx);
  p.updatedAt = e.occurredAt;
  p.lastHlc = e.hlc;
  return {
    eventId: e.id,
    type: e.type,
    hlc: e.hlc,
    actorId: e.actorId,
    occurredAt: e.occurredAt,
    state: verdict.state,
    ...(verdict.state === 'applied' ? {} : { why: verdict.why }),
  };
}

/** The state machine's verdict on one event (the draft is changed only when it applies). */
export function judge(p: ComplaintProjection, e: EventEnvelope, ctx: FoldContext): Verdict {
  if (!isEventType(e.type)) return invalid(`Unknown event type ${e.type}`);
  if (p.status === 'incomplete' && e.type !== 'complaint.created') {
    return invalid('The complaint had not been created yet');
  }
  // Events from a local store never met the server's check: every payload is checked here, once per frozen payload.
  const parsed = checkPayload(e.type, e.payload);
  if (!parsed.ok) return invalid('The payload does not match its event type');
  const checked = { ...e, payload: parsed.payload } as CheckedEvent<EventType>;
  return (STEPS[e.type] as Step<EventType>)(p, checked, ctx);
}
