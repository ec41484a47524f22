import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventType, PayloadOf } from '../events/catalogue';
import type { EventEnvelope } from '../events/envelope';
import { makeEvent } from '../events/make-event';
import { samplePayloads } from '../test-support/sample-payloads';
import { defaultPolicy, parsePolicy } from '../policy/policy';
import { businessDateProblem } from './business-dates';

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function event<T extends EventType>(type: T, payload: PayloadOf<T>, occurredAt = iso(NOW)): EventEnvelope {
  return makeEvent({ id: 'e1', type, complaintId: 'c1', actorId: 'u1', branchId: 'gz', payload, hlc: `${iso(NOW)}-0000-00000000000000d1`, occurredAt });
}
const created = (receivedAt: string, incidentAt?: string) =>
  event('complaint.created', {
    ...samplePayloads['complaint.created'],
    receivedAt,
    ...(incidentAt ? { incident: { occurredAt: incidentAt } } : {}),
  });
const scheduled = (at: string) => event('callback.scheduled', { at });

describe('businessDateProblem', () => {
  it('accepts dates inside the window: now, an hour ahead at most, ten years back', () => {
    expect(businessDateProblem(created(iso(NOW)), defaultPolicy, NOW)).toBeNull();
    expect(businessDateProblem(created(iso(NOW + 59 * 60_000)), defaultPolicy, NOW)).toBeNull();
    expect(businessDateProblem(created(iso(NOW - 3650 * DAY), iso(NOW - 3659 * DAY)), defaultPolicy, NOW)).toBeNull();
    expect(businessDateProblem(scheduled(iso(NOW + 30 * DAY)), defaultPolicy, NOW)).toBeNull();
  });

  it('refuses a receipt in year 0 or year 9999 with date_out_of_range naming the field', () => {
    const past = businessDateProblem(created('0000-01-01T00:00:00.000Z'), defaultPolicy, NOW);
    expect(past).toMatchObject({ code: 'date_out_of_range' });
    expect(past?.message).toMatch(/payload\.receivedAt.*further back/);
    const ahead = businessDateProblem(created('9999-12-31T23:59:59.999Z'), defaultPolicy, NOW);
    expect(ahead?.message).toMatch(/payload\.receivedAt.*further ahead/);
  });

  it('bounds the incident, the event wall time and a planned callback', () => {
    expect(businessDateProblem(created(iso(NOW), '0001-01-01T00:00:00Z'), defaultPolicy, NOW)?.message).toMatch(/incident\.occurredAt/);
    expect(businessDateProblem(event('note.added', { text: 'x' }, '9999-01-01T00:00:00Z'), defaultPolicy, NOW)?.message).toMatch(/^occurredAt/);
    expect(businessDateProblem(scheduled(iso(NOW + 400 * DAY)), defaultPolicy, NOW)?.code).toBe('date_out_of_range');
  });

  it('takes its window from the policy, which an administrator may change', () => {
    const parsed = parsePolicy({ businessDates: { maxPastDays: 30, maxAheadMinutes: 0, plannedMaxAheadDays: 7 } });
    if (!parsed.ok) throw new Error('policy');
    expect(businessDateProblem(created(iso(NOW - 31 * DAY)), parsed.policy, NOW)?.code).toBe('date_out_of_range');
    expect(businessDateProblem(created(iso(NOW + 1000)), parsed.policy, NOW)?.code).toBe('date_out_of_range');
    expect(businessDateProblem(scheduled(iso(NOW + 8 * DAY)), parsed.policy, NOW)?.code).toBe('date_out_of_range');
    expect(businessDateProblem(created(iso(NOW - 29 * DAY)), parsed.policy, NOW)).toBeNull();
  });

  it('is inside the window exactly when the date is (any date, any now)', () => {
    const { maxPastDays, maxAheadMinutes } = defaultPolicy.businessDates;
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        const inside = ms >= NOW - maxPastDays * DAY && ms <= NOW + maxAheadMinutes * 60_000;
        expect(businessDateProblem(created(iso(ms)), defaultPolicy, NOW) === null).toBe(inside);
      }),
    );
  });
});
