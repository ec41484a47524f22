import { beforeAll, describe, expect, it } from 'vitest';
import { calendarFromPolicy } from '../../shared/calendar/calendar';
import { compareEvents, fold } from '../../shared/fold/fold';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { parsePolicy } from '../../shared/policy/policy';
import { computeAssessment } from '../../shared/reports/assessment';
import { directoryFrom } from '../../shared/reports/directory';
import { fixtureEvents } from '../../shared/test-support/report-fixture';
import { computeSummary } from '../../shared/reports/summary';
import type { ReportFilter, ReportPeriod } from '../../shared/reports/types';
import type { Role } from '../../shared/roles';
import { LoginLimiter } from '../auth/login-limiter';
import type { AppContext } from '../context';
import { SettingsStore } from '../reference/settings-store';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';
import { registerReportRoutes } from './routes';

const NOVEMBER: ReportPeriod = { from: '2026-11-01', to: '2026-11-30' };
const OCTOBER: ReportPeriod = { from: '2026-10-01', to: '2026-10-31' };

describe.each(storageKinds())('GET /api/reports on %s', (storage) => {
  const names = ['agent.gz', 'agent2.gz', 'lead.gz', 'officer.gz', 'quality.gz', 'supervisor.gz', 'agent.dg', 'director', 'admin'];
  const t = suiteServer(storage, { logins: names });
  const api = t.api;
  const as = t.as;

  beforeAll(async () => {
    const s = t.server;
    if (!s.app.hasRoute({ method: 'GET', url: '/api/reports/summary' })) {
      const ctx: AppContext = { config: s.config, db: s.db, limiter: new LoginLimiter(s.db, 5, 60_000), settings: new SettingsStore(s.db), hub: s.hub, refolder: s.refolder, erasure: s.erasure, upstream: undefined };
      registerReportRoutes(s.app, ctx);
    }
    const tokenOf = new Map(names.map((n) => [as(n).user.id, as(n).token]));

    // Every event pushed by its own author, in clock order, as the workstations would have.
    const events = fixtureEvents().sort(compareEvents);
    let batch: typeof events = [];
    const flush = async () => {
      if (!batch.length) return;
      const res = await api.push(tokenOf.get(batch[0]!.actorId) ?? '', batch);
      expect(res.status).toBe(200);
      expect(res.json).toEqual([]);
      batch = [];
    };
    for (const e of events) {
      if (batch.length && batch[0]!.actorId !== e.actorId) await flush();
      batch.push(e);
    }
    await flush();
  });

  /** What a workstation of this user computes offline: its pulled events, folded, with its reference data. */
  async function clientInput(name: string) {
    const me = as(name);
    const { documents } = await api.pullAll(me.token);
    const ref = (await api.request('GET', '/api/reference', { token: me.token })).json;
    const parsed = parsePolicy(ref.policy);
    if (!parsed.ok) throw new Error('policy refused');
    const ctx = { policy: parsed.policy, calendar: calendarFromPolicy(parsed.policy) };
    const byComplaint = new Map<string, unknown[]>();
    for (const d of documents) byComplaint.set(d.complaintId, [...(byComplaint.get(d.complaintId) ?? []), d]);
    const complaints = [...byComplaint.values()]
      .map((list) => fold(list as never, ctx))
      .filter((p): p is ComplaintProjection => p !== null);
    return { complaints, ...ctx, directory: directoryFrom(ref), viewer: { role: me.user.role as Role, branchId: me.user.branchId } };
  }

  const query = (period: ReportPeriod, filter: ReportFilter = {}) =>
    new URLSearchParams({ from: period.from, to: period.to, ...filter }).toString();

  it.each([
    ['quality.gz', NOVEMBER, {}],
    ['quality.gz', OCTOBER, {}],
    ['supervisor.gz', NOVEMBER, { agentId: 'user-agent2.gz' }],
    ['director', NOVEMBER, {}],
    ['director', NOVEMBER, { branchId: 'dg' }],
  ] as const)('summary for %s equals the workstation computation (%o, %o)', async (name, period, filter) => {
    const res = await api.request('GET', `/api/reports/summary?${query(period, filter)}`, { token: as(name).token });
    expect(res.status).toBe(200);
    const local = computeSummary({ ...(await clientInput(name)), period, filter });
    expect(res.json).toEqual(JSON.parse(JSON.stringify(local)));
  });

  it('gives the hand-computed figures', async () => {
    const nov = (await api.request('GET', `/api/reports/summary?${query(NOVEMBER)}`, { token: as('quality.gz').token })).json;
    expect(nov.totals.received.count).toBe(19);
    expect(nov.totals.timelinessRate).toBe(0.6667);
    const oct = (await api.request('GET', `/api/reports/summary?${query(OCTOBER)}`, { token: as('quality.gz').token })).json;
    expect(oct.totals.timelinessRate).toBe(0.75);
    expect(oct.totals.avgHandlingWorkingDays).toBe(6.5);
    const dir = (await api.request('GET', `/api/reports/summary?${query(NOVEMBER)}`, { token: as('director').token })).json;
    expect(dir.totals.received.count).toBe(21);
  });

  it('assessment equals the workstation computation, S09 (the 11th complaint against the team) over the limit', async () => {
    const res = await api.request('GET', `/api/reports/assessment?${query(NOVEMBER)}`, { token: as('quality.gz').token });
    expect(res.status).toBe(200);
    const local = computeAssessment({ ...(await clientInput('quality.gz')), period: NOVEMBER, filter: {} });
    expect(res.json).toEqual(JSON.parse(JSON.stringify(local)));
    const s09 = res.json.decisions.find((d: { number: string }) => d.number === 'S09');
    expect(s09).toMatchObject({ outcome: 'assessed', reason: 'over_limit', ordinal: 11, teamCount: 15 });
    expect(res.json.teams[0].exemptionUse).toEqual([{ period: '2026-11', complaints: 15, qualifying: 9, exempt: 8, overLimit: 1, limit: 8 }]);
  });

  it('masks phone numbers for the quality manager and the director', async () => {
    for (const name of ['quality.gz', 'director']) {
      const res = await api.request('GET', `/api/reports/summary?${query(NOVEMBER)}`, { token: as(name).token });
      expect(res.json.rows.every((r: { phone: string }) => r.phone === '' || r.phone.includes('****'))).toBe(true);
    }
  });

  it('refuses roles without reports, other branches, bad periods and no token', async () => {
    const q = query(NOVEMBER);
    expect((await api.request('GET', `/api/reports/summary?${q}`)).status).toBe(401);
    for (const name of ['agent.gz', 'lead.gz', 'officer.gz', 'admin']) {
      const res = await api.request('GET', `/api/reports/summary?${q}`, { token: as(name).token });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    expect((await api.request('GET', `/api/reports/assessment?${query(NOVEMBER, { branchId: 'dg' })}`, { token: as('quality.gz').token })).status).toBe(404);
    for (const bad of ['from=2026-11-30&to=2026-11-01', 'from=2026-13-01&to=2026-13-02', 'to=2026-11-01', 'from=x&to=y']) {
      const res = await api.request('GET', `/api/reports/summary?${bad}`, { token: as('quality.gz').token });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
  });
});
