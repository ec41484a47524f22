import { describe, expect, it } from 'vitest';
import { computeSummary } from './summary';
import { DIRECTOR, NOVEMBER, OCTOBER, fixtureInput } from '../test-support/report-test-data';

const ids = (...names: string[]) => names.map((n) => `rpt-${n}`);
const S = ['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08', 's09'];

describe('report KPIs on the fixed data set (figures worked out by hand)', () => {
  it('November, quality manager of gz', () => {
    const s = computeSummary(fixtureInput());
    const k = s.totals;
    // 9 S + 3 X + C01 V01 P01 + R01 R02 W01 NA1; T01 moved to dg, D01 is dg.
    expect(k.received.count).toBe(19);
    expect(k.established.ids.sort()).toEqual(ids('c01', 'v01'));
    expect(k.revoked.ids.sort()).toEqual(ids(...S, 'x01', 'x02', 'x03').sort());
    // Resolved in November: R01 (3rd), R02 (10th), C01 (20th).
    expect(k.handled.ids.sort()).toEqual(ids('c01', 'r01', 'r02'));
    // R02 is urgent: 2 working days from Thu 5th → Mon 9th 17:00; resolved Tue 10th 09:00.
    expect(k.late.ids).toEqual(ids('r02'));
    expect(k.onTime.ids.sort()).toEqual(ids('c01', 'r01'));
    expect(k.timelinessRate).toBe(0.6667);
    // 49 h (C01) + 29 h (R01) + 119 h (R02) = 197 h / 3.
    expect(k.avgHandlingHours).toBe(65.67);
    // 2 + 1 + 3 working days.
    expect(k.avgHandlingWorkingDays).toBe(2);
    // R01 5/5, R02 3/5.
    expect(k.surveyed.count).toBe(2);
    expect(k.satisfactionPct).toBe(80);
    // R02 repeats R01 three days before (same digits, spaces apart); R01 is 33 days after N03: outside 30.
    expect(k.repeats.ids).toEqual(ids('r02'));
    expect(Object.fromEntries(s.byCategory.map((c) => [c.category, c.count]))).toEqual({
      attitude: 13,
      business_error: 1,
      process: 1,
      product_quality: 2,
      price: 1,
      other: 1,
    });
  });

  it('October: timeliness across the National Day holiday and an extension', () => {
    const k = computeSummary(fixtureInput({ period: OCTOBER })).totals;
    expect(k.received.count).toBe(0);
    // Received Wed 30 Sep, 7 working days → Thu 15 Oct 17:00 (1–7 Oct off, Sat 10 Oct on).
    // N1 at 15 Oct 16:00 on time; N2 at 16 Oct 09:00 late; N3 at 9 Oct on time;
    // N4 extended by 2 working days → Mon 19 Oct 17:00, resolved 19 Oct 10:00 on time.
    expect(k.handled.count).toBe(4);
    expect(k.late.ids).toEqual(ids('n2'));
    expect(k.timelinessRate).toBe(0.75);
    // 366 + 383 + 220 + 456 hours; 7 + 8 + 2 + 9 working days.
    expect(k.avgHandlingHours).toBe(356.25);
    expect(k.avgHandlingWorkingDays).toBe(6.5);
    // 4/5 and 9/10.
    expect(k.satisfactionPct).toBe(85);
    const n1 = computeSummary(fixtureInput({ period: OCTOBER })).rows.find((r) => r.id === 'rpt-n1');
    expect(n1).toMatchObject({ handlingDeadline: '2026-10-15T09:00:00.000Z', onTime: true, handlingWorkingDays: 7, handlingHours: 366 });
  });

  it('per team and per agent', () => {
    const s = computeSummary(fixtureInput());
    expect(s.byTeam.map((t) => [t.id, t.kpis.received.count])).toEqual([['gz-t1', 19]]);
    const agents = Object.fromEntries(s.byAgent.map((a) => [a.id, a.kpis]));
    // Agent 1001: 9 S, 3 X, P01 (complained about) + R01, R02, NA1 (registered).
    expect(agents['user-agent.gz']?.received.count).toBe(16);
    expect(agents['user-agent.gz']?.timelinessRate).toBe(0.5);
    expect(agents['user-agent.gz']?.revoked.count).toBe(12);
    // Agent 1002: C01, V01 (complained about) + W01 (registered).
    expect(agents['user-agent2.gz']?.received.count).toBe(3);
    expect(agents['user-agent2.gz']?.established.count).toBe(2);
    expect(agents['user-agent2.gz']?.timelinessRate).toBe(1);
  });

  it('filters by agent and team without changing the figures of what remains', () => {
    const s = computeSummary(fixtureInput({ filter: { agentId: 'user-agent2.gz' } }));
    expect(s.totals.received.ids.sort()).toEqual(ids('c01', 'v01', 'w01'));
    expect(s.rows.map((r) => r.number)).toEqual(['W01', 'C01', 'V01']);
    expect(computeSummary(fixtureInput({ filter: { teamId: 'gz-t2' } })).totals.received.count).toBe(0);
  });

  it('scopes like pull: a director sees every branch, the transferred complaint in dg', () => {
    const s = computeSummary(fixtureInput({ viewer: DIRECTOR }));
    expect(s.totals.received.count).toBe(21);
    expect(s.byBranch.map((b) => [b.id, b.kpis.received.count])).toEqual([['dg', 2], ['gz', 19]]);
    const dg = computeSummary(fixtureInput({ viewer: DIRECTOR, filter: { branchId: 'dg' } }));
    expect(dg.totals.received.ids.sort()).toEqual(ids('d01', 't01'));
  });

  it('masks phone numbers for roles that do not call customers', () => {
    const quality = computeSummary(fixtureInput()).rows.find((r) => r.id === 'rpt-r01');
    expect(quality?.phone).toBe('139****0003');
    const supervisor = computeSummary(fixtureInput({ viewer: { role: 'supervisor', branchId: 'gz' } })).rows.find((r) => r.id === 'rpt-r01');
    expect(supervisor?.phone).toBe('13900000003');
  });

  it('lists every complaint behind a figure in the rows', () => {
    const s = computeSummary(fixtureInput({ period: NOVEMBER }));
    const rowIds = new Set(s.rows.map((r) => r.id));
    for (const m of [s.totals.received, s.totals.handled, s.totals.revoked, s.totals.surveyed]) {
      for (const id of m.ids) expect(rowIds.has(id)).toBe(true);
    }
  });
});
