import type { EventEnvelope, RejectReason } from '../events/envelope';
import type { Policy } from '../policy/policy';
import { REJECT } from '../protocol/reasons';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Whether a date records something that happened (bounded by the clock's error ahead) or something planned. */
type DateKind = 'happened' | 'planned';

interface BusinessDate {
  field: string;
  value: unknown;
  kind: DateKind;
}

/** Every business date an event carries, with what it means; absent optional dates are skipped. */
function datesOf(event: EventEnvelope): BusinessDate[] {
  const payload = event.payload as Record<string, unknown>;
  const dates: BusinessDate[] = [{ field: 'occurredAt', value: event.occurredAt, kind: 'happened' }];
  if (event.type === 'complaint.created') {
    dates.push({ field: 'payload.receivedAt', value: payload.receivedAt, kind: 'happened' });
    const incident = payload.incident as Record<string, unknown> | undefined;
    if (incident?.occurredAt !== undefined) dates.push({ field: 'payload.incident.occurredAt', value: incident.occurredAt, kind: 'happened' });
  } else if (event.type === 'callback.scheduled') {
    dates.push({ field: 'payload.at', value: payload.at, kind: 'planned' });
  }
  return dates;
}

/**
 * The policy's window around now (`businessDates`) for the dates an event
 * carries: a receipt in year 0 or 9999 would count deadlines, reports and the
 * retention period from nonsense. The server judges at receipt with its own
 * clock; a workstation makes the same check before writing. `nowMs` is passed
 * in. Null when every date is inside the window; a date that does not parse
 * is the schema's business and is left to it.
 */
export function businessDateProblem(event: EventEnvelope, policy: Policy, nowMs: number): RejectReason | null {
  const bounds = policy.businessDates;
  const earliest = nowMs - bounds.maxPastDays * DAY_MS;
  for (const d of datesOf(event)) {
    if (typeof d.value !== 'string') continue;
    const ms = Date.parse(d.value);
    if (!Number.isFinite(ms)) continue;
    if (ms < earliest) return REJECT.dateOutOfRange(d.field, 'past', `${bounds.maxPastDays} d`);
    const latest =
      d.kind === 'planned' ? nowMs + bounds.plannedMaxAheadDays * DAY_MS : nowMs + bounds.maxAheadMinutes * MINUTE_MS;
    if (ms > latest) {
      const limit = d.kind === 'planned' ? `${bounds.plannedMaxAheadDays} d` : `${bounds.maxAheadMinutes} min`;
      return REJECT.dateOutOfRange(d.field, 'ahead', limit);
    }
  }
  return null;
}
