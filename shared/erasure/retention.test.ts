import { describe, expect, it } from 'vitest';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { defaultPolicy } from '../policy/policy';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';
import { dueForRetention, monthsBefore, retentionEventId } from './retention';

const ctx = defaultFoldContext();

function closedComplaint(extra: (ev: ReturnType<typeof eventFactory>) => ReturnType<ReturnType<typeof eventFactory>>[] = () => []) {
  const ev = eventFactory();
  return fold(
    [
      ev('complaint.created', null, { at: 0 }),
      ev('complaint.not_accepted', null, { at: 1 }),
      ev('complaint.closed', null, { at: 2 }),
      ...extra(ev),
    ],
    ctx,
  )!;
}

describe('retention', () => {
  it('counts calendar months and clamps to the end of a shorter month', () => {
    expect(monthsBefore(new Date('2026-05-31T10:00:00Z'), 3).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 24).toISOString()).toBe('2024-01-15T00:00:00.000Z');
  });

  it('is due once the closing is older than the policy months, and not before', () => {
    const p = closedComplaint();
    expect(p.status).toBe('closed');
    const closedAt = new Date(p.milestones.closedAt!);
    const months = defaultPolicy.retention.erasePersonalAfterMonths;
    const justAfter = new Date(closedAt);
    justAfter.setUTCMonth(justAfter.getUTCMonth() + months);
    justAfter.setUTCMinutes(justAfter.getUTCMinutes() + 1);
    const justBefore = new Date(justAfter.getTime() - 2 * 60_000);
    expect(dueForRetention(p, justBefore, defaultPolicy)).toBe(false);
    expect(dueForRetention(p, justAfter, defaultPolicy)).toBe(true);
    const off = { ...defaultPolicy, retention: { erasePersonalAfterMonths: 0 } };
    expect(dueForRetention(p, new Date('2100-01-01T00:00:00Z'), off)).toBe(false);
  });

  it('is not due for an open complaint or one already erased', () => {
    const ev = eventFactory();
    const open = fold([ev('complaint.created', null, { at: 0 })], ctx)!;
    expect(dueForRetention(open, new Date('2100-01-01T00:00:00Z'), defaultPolicy)).toBe(false);
    const erased = closedComplaint((e) => [e('complaint.redacted', { fields: [...REDACTABLE_FIELDS] }, { at: 3 })]);
    expect(dueForRetention(erased, new Date('2100-01-01T00:00:00Z'), defaultPolicy)).toBe(false);
    const partly = closedComplaint((e) => [e('complaint.redacted', { fields: ['complainant.phone'] }, { at: 3 })]);
    expect(dueForRetention(partly, new Date('2100-01-01T00:00:00Z'), defaultPolicy)).toBe(true);
  });

  it('names one id per complaint and closing', () => {
    expect(retentionEventId('c-1', '2026-01-01T00:00:00Z')).toBe(retentionEventId('c-1', '2026-01-01T00:00:00Z'));
    expect(retentionEventId('c-1', '2026-01-01T00:00:00Z')).not.toBe(retentionEventId('c-1', '2026-02-01T00:00:00Z'));
    expect(retentionEventId('c-1', '2026-01-01T00:00:00Z').length).toBeLessThanOrEqual(64);
  });
});
