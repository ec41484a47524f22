import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open-db';
import { defaultConfig } from '../../server/config';
import { SseClient } from '../../server/test-support/sse-client';
import { ApiClient, EventFactory, storageKinds, type Json, type TestServer } from '../../server/test-support/harness';
import type { EventType } from '../../shared/events/catalogue';
import { HUB_PASSWORD, startCentral } from '../../server/test-support/hub-pair';
import { freePort, startHubProcess, type HubProcess } from './hub-process';
import { HttpApi } from './http-api';
import { waitFor } from './live-server-support';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/** What an event is, without the fields each server sets when it stores it. */
const content = (d: Json) => {
  const { seq: _s, receivedAt: _r, status: _t, reason: _x, ...rest } = d;
  return rest;
};

/**
 * Central (in this process, PGlite; PostgreSQL too with DATABASE_URL) and a
 * branch hub (`npm run server` with UPSTREAM_*, PGlite on disk, a child
 * process), joined by a WAN the test cuts: a TCP proxy.
 */
describe.each(storageKinds())('branch hub with central on %s', (storage) => {
  let central: TestServer;
  let c: ApiClient;
  let wan: TcpProxy;
  let hub: HubProcess;
  let h: HttpApi;
  let hubUser: string;
  let port: number;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hd-hub-'));
  const f = new EventFactory();
  const startHub = async () => {
    hub = await startHubProcess({ port, dataDir, upstreamUrl: wan.url, username: hubUser, password: HUB_PASSWORD });
    h = new HttpApi(hub.url);
  };
  const connected = (want: boolean) => waitFor(async () => (await h.upstream()).connected === want, `hub link ${want ? 'up' : 'down'}`);
  const drained = () =>
    waitFor(async () => {
      const u = await h.upstream();
      return u.connected && u.pendingUp === 0;
    }, 'the hub to have relayed everything');
  const cutWan = async () => {
    wan.cut();
    await connected(false);
  };
  const restoreWan = async () => {
    wan.restore();
    await drained();
  };
  /** A complaint the agent registers at the hub, relayed to central before the WAN goes down. */
  const relayedThenCut = async (agent: { token: string; user: Json }) => {
    const created = f.created(agent.user);
    expect(await h.push(agent.token, [created])).toEqual([]);
    await drained();
    await cutWan();
    return created;
  };
  /** An event of a central user on a gz complaint, accepted at central. */
  const acceptedAtCentral = async (username: string, type: EventType, complaintId: string) => {
    const actor = await c.login(username);
    const event = f.make(type, { complaintId, actorId: actor.user.id, branchId: 'gz' });
    expect((await c.push(actor.token, [event])).json).toEqual([]);
    return event;
  };
  /** The complaint as the hub and as central show it, each to its own user. */
  const complaintViews = async (complaintId: string, hubToken: string, centralToken: string) => ({
    hub: (await h.request('GET', `/api/complaints/${complaintId}`, { token: hubToken })).json,
    central: (await c.request('GET', `/api/complaints/${complaintId}`, { token: centralToken })).json,
  });

  beforeAll(async () => {
    const started = await startCentral(storage);
    central = started.central;
    c = started.api;
    hubUser = started.hubUser;
    wan = await startTcpProxy((central.server.app.server.address() as AddressInfo).port);
    port = await freePort();
    await startHub();
    await waitFor(async () => (await h.upstream()).lastSyncAt, 'the first sync');
  }, 180_000);
  afterAll(async () => {
    await hub?.kill().catch(() => undefined);
    await wan?.close();
    await central?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the branch working through a WAN outage (sign-in, push, pull, stream) and converges after it', async () => {
    await cutWan();
    // Nobody has signed in at this hub before: the verifiers came from central.
    const agent = await h.login('agent.gz');
    const lead = await h.login('lead.gz');
    const stream = await SseClient.open(`${hub.url}/api/sync/events/stream`, lead.token);
    const created = f.created(agent.user);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect(await h.push(agent.token, [created, note])).toEqual([]);
    await stream.until(() => stream.documents().some((d) => d.id === note.id), 5000, 'the lead to see the new complaint');
    await stream.close();
    const leadNote = f.make('note.added', { complaintId: created.complaintId, actorId: lead.user.id, branchId: 'gz' });
    expect(await h.push(lead.token, [leadNote])).toEqual([]);
    expect((await h.pullAll(agent.token)).documents.map((d) => d.id)).toEqual(expect.arrayContaining([created.id, note.id, leadNote.id]));
    expect((await h.upstream()).pendingUp).toBe(3);
    const centralLead = await c.login('lead.gz');
    expect((await c.pullAll(centralLead.token)).documents.some((d) => d.id === created.id)).toBe(false);

    await restoreWan();
    const atCentral = (await c.pullAll(centralLead.token)).documents;
    for (const e of [created, note, leadNote]) expect(content(atCentral.find((d) => d.id === e.id))).toEqual(e);
    const views = await complaintViews(created.complaintId, agent.token, centralLead.token);
    expect(views.hub).toEqual(views.central);
  }, 30_000);

  it('turns what central refuses into a rejection at the hub: a note on a complaint central transferred meanwhile', async () => {
    const agent = await h.login('agent.gz');
    const created = await relayedThenCut(agent);
    const transfer = await acceptedAtCentral('officer.gz', 'complaint.transferred', created.complaintId);
    const note = f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' });
    expect(await h.push(agent.token, [note])).toEqual([]);
    const { seq } = await h.pullAll(agent.token);

    await restoreWan();
    const after = await waitFor(async () => {
      const docs = (await h.pullAll(agent.token, seq)).documents;
      return docs.some((d) => d.id === transfer.id) ? docs : null;
    }, 'the transfer at the hub');
    expect(after.find((d) => d.id === note.id)).toMatchObject({ status: 'rejected', reason: { code: 'out_of_scope' } });
    expect((await h.request('GET', `/api/complaints/${created.complaintId}`, { token: agent.token })).status).toBe(404);
    // At central the note is stored refused, for its author; the complaint's new branch never sees it.
    const dg = await c.login('agent.dg');
    const dgDocs = (await c.pullAll(dg.token)).documents;
    expect(dgDocs.some((d) => d.id === created.id)).toBe(true);
    expect(dgDocs.some((d) => d.id === note.id)).toBe(false);
  }, 30_000);

  it("lets central decide what the hub refused for the state it knew: a resolution refused at the hub is accepted by central, where the work order was filed", async () => {
    const agent = await h.login('agent.gz');
    const lead = await h.login('lead.gz');
    const created = await relayedThenCut(agent);
    // At central, the officer filed the work order; the hub cannot know yet, and holds the complaint as just registered.
    await acceptedAtCentral('officer.gz', 'work_order.filed', created.complaintId);
    const resolved = f.make('resolution.recorded', { complaintId: created.complaintId, actorId: lead.user.id, branchId: 'gz' });
    const refused = await h.push(lead.token, [resolved]);
    expect(refused).toEqual([expect.objectContaining({ id: resolved.id, status: 'rejected', reason: expect.objectContaining({ code: 'illegal_state' }) })]);

    await restoreWan();
    const centralLead = await c.login('lead.gz');
    const atCentral = (await c.pullAll(centralLead.token)).documents.find((d) => d.id === resolved.id);
    expect(atCentral).toMatchObject({ status: 'accepted' });
    // The hub takes central's verdict: accepted there too, for every workstation of the branch.
    const atHub = await waitFor(async () => {
      const d = (await h.pullAll(agent.token)).documents.find((x) => x.id === resolved.id);
      return d?.status === 'accepted' ? d : null;
    }, 'the resolution accepted at the hub');
    expect(content(atHub)).toEqual(resolved);
    const views = await complaintViews(created.complaintId, agent.token, centralLead.token);
    expect((views.hub as { status: string }).status).toBe('resolved');
    expect(views.hub).toEqual(views.central);
  }, 30_000);

  it('loses and doubles nothing when the hub is killed while relaying', async () => {
    const agent = await h.login('agent.gz');
    await cutWan();
    const events: Json[] = [];
    for (let i = 0; i < 200; i++) {
      const created = f.created(agent.user);
      events.push(created, f.make('note.added', { complaintId: created.complaintId, actorId: agent.user.id, branchId: 'gz' }));
    }
    for (let i = 0; i < 600 && i < events.length; i += 250) expect(await h.push(agent.token, events.slice(i, i + 250))).toEqual([]);
    const ids = events.map((e) => e.id as string);
    const stored = async () => Number((await central.server.db.query<{ n: unknown }>('select count(*) as n from events where id = any($1::text[])', [ids]))[0]?.n);

    wan.restore();
    await waitFor(async () => (await stored()) > 0, 'the first relayed batch at central', 20_000);
    await hub.kill();
    await startHub();
    await drained();

    expect(await stored()).toBe(ids.length);
    const feedRows = await central.server.db.query<{ n: unknown }>('select count(*) as n from feed where event_id = any($1::text[]) and origin', [ids]);
    expect(Number(feedRows[0]?.n)).toBe(ids.length);
    const atHub = (await h.pullAll(agent.token)).documents.filter((d) => ids.includes(d.id));
    expect(atHub).toHaveLength(ids.length);
    expect(atHub.every((d) => d.status === 'accepted')).toBe(true);
  }, 180_000);

  it("stores nothing of another branch on the hub", async () => {
    const dg = await c.login('agent.dg');
    const dgComplaint = f.created(dg.user);
    expect((await c.push(dg.token, [dgComplaint])).json).toEqual([]);
    await waitFor(async () => {
      const u = await h.upstream();
      return u.lastSyncAt && Date.parse(u.lastSyncAt) > Date.now() - 300 ? u : null;
    }, 'a sync after the dg complaint');
    await hub.stop();
    const db = await openDb({ ...defaultConfig, dataDir, databaseUrl: undefined });
    try {
      const foreign = await db.query<{ n: unknown }>(
        `select count(*) as n from events where doc like '%"branchId":"dg"%' or complaint_id in (select id from complaints where branch_id <> 'gz')`,
      );
      expect(Number(foreign[0]?.n)).toBe(0);
      const kept = await db.query<{ n: unknown }>('select count(*) as n from complaints');
      expect(Number(kept[0]?.n)).toBeGreaterThan(0);
      const verifiers = await db.query<{ username: string }>(`select username from users where password_hash <> '!' order by username`);
      expect(verifiers.map((u) => u.username).every((u) => u.endsWith('.gz'))).toBe(true);
    } finally {
      await db.close();
    }
  }, 30_000);
});
