import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../shared/fold/fold';
import { withoutEvents, type ComplaintProjection } from '../../shared/fold/projection';
import { callbackAttemptAllowance } from '../../shared/rules/callback-conduct';
import { failedAcceptanceConditions } from '../../shared/rules/acceptance-conditions';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import { ApiClient, EventFactory, startTestServer, storageKinds, type Json, type LoggedInUser, type TestServer } from '../test-support/harness';

const HOUR = 3_600_000;

/**
 * The server applies the domain rules the workstation shows, from the same
 * code in shared/: an event the form flags is stored accepted and flagged
 * the same way, one it refuses is stored rejected, and the served projection
 * equals the shared fold of the accepted events.
 */
describe.each(storageKinds())('domain rules on the server (%s)', (storage) => {
  let t: TestServer;
  let api: ApiClient;
  const f = new EventFactory();
  const who: Record<string, { token: string; user: LoggedInUser }> = {};
  const as = (name: string) => who[name] as { token: string; user: LoggedInUser };

  beforeAll(async () => {
    t = await startTestServer(storage);
    api = new ApiClient(t.server);
    for (const name of ['agent.gz', 'lead.gz', 'officer.gz', 'director']) who[name] = await api.login(name);
  });
  afterAll(async () => t?.cleanup());

  const push = async (name: string, doc: unknown) => (await api.push(as(name).token, [doc])).json as Json[];
  const projection = async (id: string) => (await api.request('GET', `/api/complaints/${id}`, { token: as('director').token })).json as ComplaintProjection;
  const sharedFold = async (id: string) => {
    const events = (await api.pullAll(as('director').token)).documents.filter((d) => d.complaintId === id && d.status === 'accepted');
    return JSON.parse(JSON.stringify(withoutEvents(fold(events, await t.server.settings.current())!)));
  };

  it('callback spacing and conduct: flagged on the server exactly as the callbacks form shows them, and the projections agree', async () => {
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
    const agent = as('agent.gz');
    const created = f.created(agent.user, { at: at(10) });
    const id = created.complaintId;
    const on = (name: string) => ({ complaintId: id, actorId: as(name).user.id, branchId: 'gz' });
    expect(await push('agent.gz', created)).toEqual([]);
    expect(await push('agent.gz', f.make('soothing.recorded', { ...on('agent.gz'), payload: samplePayloads['soothing.recorded'], at: at(9.9) }))).toEqual([]);
    expect(await push('agent.gz', f.make('work_order.filed', { ...on('agent.gz'), payload: { subject: '投诉申告-服务质量-10086热线' }, at: at(9.8) }))).toEqual([]);
    const notify = f.make('parties.notified', { ...on('officer.gz'), payload: { agentIds: [agent.user.id], leadIds: [as('lead.gz').user.id] }, at: at(9) });
    expect(await push('officer.gz', notify)).toEqual([]);
    expect(await push('lead.gz', f.make('callback.attempted', { ...on('lead.gz'), payload: { reached: false, serial: 'HF-1' }, at: at(8) }))).toEqual([]);

    // What the form shows for a second call one hour later that reaches the customer and asks three times.
    const before = await projection(id);
    const shown = callbackAttemptAllowance(
      { attempts: before.callbacks.attempts, unreachable: before.flags.callbackUnreachable },
      { at: at(7).toISOString(), reached: true, acceptanceAsks: 3 },
      (await t.server.settings.current()).policy,
    );
    expect(shown).toEqual({ allowed: true, breaches: ['spacing_violated', 'acceptance_asked_too_often'] });

    const second = f.make('callback.attempted', { ...on('lead.gz'), payload: { reached: true, serial: 'HF-2', customerAccepted: true, acceptanceAsks: 3 }, at: at(7) });
    expect(await push('lead.gz', second)).toEqual([]);
    const after = await projection(id);
    expect(after.flags.callbackSpacingViolated).toBe(true);
    expect(after.flags.callbackAcceptanceAskedTooOften).toBe(true);
    expect(after.flags.callbackApologyCallsExceeded).toBe(false);
    expect(after).toEqual(await sharedFold(id));
  });

  it('acceptance conditions: the server flags the complaint the intake form warned of', async () => {
    const agent = as('agent.gz');
    const created = f.created(agent.user, { at: new Date(Date.now() - HOUR) });
    const payload = { ...(created.payload as Record<string, unknown>), respondent: {} };
    const doc = { ...created, payload };
    expect(await push('agent.gz', doc)).toEqual([]);
    const p = await projection(created.complaintId);
    const shown = failedAcceptanceConditions({ respondent: {}, description: samplePayloads['complaint.created'].description, phone: samplePayloads['complaint.created'].complainant.phone });
    expect(shown).toEqual(['respondent']);
    expect(p.flags.acceptanceFailed).toEqual(shown);
    expect(p).toEqual(await sharedFold(created.complaintId));
  });

  it('closing needs the result told or the reason why not: refused without, and the cut-short clocks counted with it', async () => {
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
    const created = f.created(as('agent.gz').user, { at: at(6) });
    const id = created.complaintId;
    const on = (name: string) => ({ complaintId: id, actorId: as(name).user.id, branchId: 'gz' });
    expect(await push('agent.gz', created)).toEqual([]);
    expect(await push('agent.gz', f.make('work_order.filed', { ...on('agent.gz'), payload: { subject: '投诉申告-服务质量-10086热线' }, at: at(5.9) }))).toEqual([]);
    expect(await push('officer.gz', f.make('resolution.recorded', { ...on('officer.gz'), payload: { kinds: ['apology'], text: '已致歉' }, at: at(5) }))).toEqual([]);
    const progress = f.make('customer.notified', { ...on('officer.gz'), payload: { channel: 'phone', purpose: 'progress' }, at: at(4) });
    expect(await push('officer.gz', progress)).toEqual([]);

    const bare = f.make('complaint.closed', { ...on('officer.gz'), payload: {}, at: at(3) });
    const refused = await push('officer.gz', bare);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ id: bare.id, status: 'rejected', reason: { code: 'illegal_state' } });

    const withReason = f.make('complaint.closed', { ...on('officer.gz'), payload: { resultNotToldReason: '客户电话停机' }, at: at(2) });
    expect(await push('officer.gz', withReason)).toEqual([]);
    const p = await projection(id);
    expect(p.status).toBe('closed');
    expect(p.resultNotToldReason).toBe('客户电话停机');
    expect(p.flags.clocksCutShort.map((c) => [c.clock, c.outcome, c.reason])).toEqual([
      ['writtenResult', 'exempt', 'result_not_told'],
      ['survey', 'exempt', 'closed_before_survey'],
    ]);
    expect(p).toEqual(await sharedFold(id));
  });
});
