import { describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../fold/projection';
import { backlogInstant, openAt, overdueAt } from './backlog';
import type { ComplaintFacts } from './facts';
import { computeSummary } from './summary';
import { fixtureInput } from '../test-support/report-test-data';

const TZ = 'Asia/Shanghai';
const ms = (iso: string) => Date.parse(iso);

function facts(over: Partial<ComplaintProjection>, f: Partial<ComplaintFacts> = {}): ComplaintFacts {
  const p = { ...emptyProjection('c1', 'gz'), status: 'filed', receivedAt: '2026-11-10T09:00:00+08:00', ...over } as ComplaintProjection;
  return { p, resolvedAt: p.milestones.resolvedAt, revokedAt: null, handlingDeadline: '2026-11-19T17:00:00+08:00', ...f } as ComplaintFacts;
}

describe('backlog moment', () => {
  it('is the end of the last day of a past period, in the centre’s zone', () => {
    expect(new Date(backlogInstant({ from: '2026-11-01', to: '2026-11-30' }, TZ, ms('2026-12-06T10:00:00+08:00'))).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('is now while the period runs', () => {
    const now = ms('2026-11-15T10:00:00+08:00');
    expect(backlogInstant({ from: '2026-11-01', to: '2026-11-30' }, TZ, now)).toBe(now);
  });
});

describe('open and overdue at a moment', () => {
  const at = ms('2026-11-20T12:00:00+08:00');

  it('counts a complaint received and not yet handled', () => {
    expect(openAt(facts({}), at)).toBe(true);
    expect(overdueAt(facts({}), at)).toBe(true);
    expect(overdueAt(facts({}, { handlingDeadline: '2026-11-25T17:00:00+08:00' }), at)).toBe(false);
  });

  it('leaves out one received later, or resolved, withdrawn, not accepted, revoked or closed by then', () => {
    expect(openAt(facts({ receivedAt: '2026-11-21T09:00:00+08:00' }), at)).toBe(false);
    expect(openAt(facts({}, { resolvedAt: '2026-11-18T10:00:00+08:00' }), at)).toBe(false);
    const m = emptyProjection('c1', 'gz').milestones;
    expect(openAt(facts({ status: 'withdrawn', milestones: { ...m, withdrawnAt: '2026-11-10T09:05:00+08:00' } }), at)).toBe(false);
    expect(openAt(facts({ status: 'not_accepted', milestones: { ...m, notAcceptedAt: '2026-11-10T09:10:00+08:00' } }), at)).toBe(false);
    expect(openAt(facts({ status: 'revoked', milestones: { ...m, revokedAt: '2026-11-12T16:00:00+08:00' } }), at)).toBe(false);
    expect(openAt(facts({ status: 'closed', milestones: { ...m, closedAt: '2026-11-12T16:00:00+08:00' } }), at)).toBe(false);
  });

  it('counts one that was still waiting then, though handled since', () => {
    expect(openAt(facts({}, { resolvedAt: '2026-11-25T10:00:00+08:00' }), at)).toBe(true);
  });

  it('does not count a complaint not yet synced whole', () => {
    expect(openAt(facts({ status: 'incomplete' }), at)).toBe(false);
  });
});

describe('backlog beside the timeliness rate (fixed data set, worked out by hand)', () => {
  it('November for the quality manager of gz: V01 and P01 wait at the month’s end, V01 past its deadline (Mon 30th 17:00)', () => {
    const b = computeSummary(fixtureInput()).backlog;
    expect(b.asOf).toBe('2026-11-30T16:00:00.000Z');
    expect(b.open.ids.sort()).toEqual(['rpt-p01', 'rpt-v01']);
    expect(b.overdueOpen.ids).toEqual(['rpt-v01']);
  });

  it('read on the 19th at noon: C01 (resolved the 20th) and V01 wait, nothing is overdue yet', () => {
    const s = computeSummary(fixtureInput({ now: ms('2026-11-19T12:00:00+08:00') }));
    expect(s.backlog.open.ids.sort()).toEqual(['rpt-c01', 'rpt-v01']);
    expect(s.backlog.overdueOpen.count).toBe(0);
    // Every complaint behind the figures is among the rows a drill-down lists.
    expect(s.backlog.open.ids.every((id) => s.rows.some((r) => r.id === id))).toBe(true);
  });
});
