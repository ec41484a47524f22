import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/tokens';
import { bootstrapPageSchema, type BootstrapPage } from '../../shared/protocol/bootstrap';
import { acceptEvents } from './accept';
import { readFeedWhere } from './feed';
import { ApiClient, EventFactory, startTestServer, storageKinds, type LoggedInUser, type TestServer } from '../test-support/harness';

type Json = Record<string, unknown>;

describe.each(storageKinds())('bootstrap on %s', (storage) => {
  let t: TestServer;
  let api: ApiClient;
  const f = new EventFactory();
  const who: Record<string, { token: string; user: LoggedInUser }> = {};
  const as = (name: string) => who[name] as { token: string; user: LoggedInUser };
  const NAMES = ['agent.gz', 'supervisor.gz', 'agent.dg', 'director', 'admin'];

  /** Every page of a bootstrap; `between` runs after each page (concurrent writes). */
  async function bootstrap(token: string, limit: number, between?: () => Promise<void>) {
    const pages: BootstrapPage[] = [];
    let after: string | null = null;
    let upTo: number | undefined;
    for (let i = 0; i < 10_000; i++) {
      const q = new URLSearchParams({ limit: String(limit) });
      if (upTo !== undefined) q.set('upTo', String(upTo));
      if (after) q.set('after', after);
      const res = await api.request('GET', `/api/sync/bootstrap?${q.toString()}`, { token });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const page = bootstrapPageSchema.parse(res.json);
      pages.push(page);
      upTo = page.upTo;
      after = page.next;
      await between?.();
      if (!after) break;
    }
    const events = pages.flatMap((p) => [...p.rejected, ...p.complaints.flatMap((c) => c.events)]) as unknown as Json[];
    return { pages, events, upTo: upTo! };
  }

  beforeAll(async () => {
    t = await startTestServer(storage);
    api = new ApiClient(t.server);
    for (const name of NAMES) who[name] = await api.login(name);
    for (const name of ['agent.gz', 'agent.dg']) {
      const me = as(name);
      const batch = Array.from({ length: 6 }, () => f.created(me.user));
      const notes = batch.slice(0, 3).map((c) => f.make('note.added', { complaintId: c.complaintId, actorId: me.user.id, branchId: me.user.branchId, payload: { text: '客户来电询问进度' } }));
      expect((await api.push(me.token, [...batch, ...notes])).json).toEqual([]);
    }
    // A complaint transferred from gz to dg: its history is re-announced to dg.
    const gz = as('agent.gz');
    const moved = f.created(gz.user);
    expect((await api.push(gz.token, [moved])).json).toEqual([]);
    const sup = as('supervisor.gz');
    const transfer = f.make('complaint.transferred', { complaintId: moved.complaintId, actorId: sup.user.id, branchId: 'gz', payload: { toBranchId: 'dg', reason: '属东莞' } });
    expect((await api.push(sup.token, [transfer])).json).toEqual([]);
    // A refused event: its author gets it back, nobody else.
    const refused = f.make('complaint.closed', { complaintId: 'no-such-complaint', actorId: gz.user.id, branchId: 'gz', payload: {} });
    const answer = (await api.push(gz.token, [refused])).json as Json[];
    expect(answer[0]?.status).toBe('rejected');
  });
  afterAll(async () => t?.cleanup());

  it('delivers exactly what a pull from the start delivers, each complaint with all its events, in every scope', async () => {
    for (const name of NAMES) {
      const me = as(name);
      const pulled = await api.pullAll(me.token);
      const { pages, events, upTo } = await bootstrap(me.token, 4);
      // The feed's head: at or past the caller's last visible row, nothing for them beyond it.
      expect(upTo, name).toBeGreaterThanOrEqual(pulled.seq);
      expect((await api.pullAll(me.token, upTo)).documents, name).toEqual([]);
      const byId = (docs: Json[]) => new Map(docs.map((d) => [d.id as string, d]));
      // Pull may deliver an event twice (origin, then re-announced); the bootstrap once.
      expect(events.length, name).toBe(new Set(events.map((e) => e.id)).size);
      expect(byId(events), name).toEqual(byId(pulled.documents as Json[]));
      for (const p of pages) for (const c of p.complaints) for (const e of c.events) expect((e as unknown as Json).complaintId).toBe(c.id);
      // A complaint never spans two pages.
      const ids = pages.flatMap((p) => p.complaints.map((c) => c.id));
      expect(new Set(ids).size, name).toBe(ids.length);
      // Only complaints in the caller's scope take a place on a page, so every page but the last is full.
      for (const p of pages.slice(0, -1)) expect(p.complaints, name).toHaveLength(4);
      expect(pages[0]!.total!.events, name).toBeGreaterThan(0);
      expect(pages.slice(1).every((p) => p.total === null && p.rejected.length === 0)).toBe(true);
    }
    const gzRejected = (await bootstrap(as('agent.gz').token, 50)).pages[0]!.rejected;
    expect(gzRejected).toHaveLength(1);
    expect((await bootstrap(as('supervisor.gz').token, 50)).pages[0]!.rejected).toHaveLength(0);
  });

  it('hands over to pull at its position without skipping what is committed while it runs (concurrent writers)', async () => {
    const reader = as('agent.gz');
    const writers = ['agent.gz', 'supervisor.gz'].map((n) => as(n));
    const written: string[] = [];
    let running = 0;
    const write = async () => {
      running += 1;
      // In-process writers on the shared accept path, so transactions really overlap on PostgreSQL.
      await Promise.all(
        writers.map(async (w) => {
          const factory = new EventFactory();
          const batch = Array.from({ length: 3 }, () => factory.created(w.user));
          written.push(...batch.map((e) => e.id));
          const r = await acceptEvents(t.server.db, t.server.settings, { kind: 'user', user: { ...w.user, jobNumber: null } as AuthUser }, batch.map((d) => ({ id: d.id, doc: { ...d } })));
          expect(r.accepted).toBe(3);
        }),
      );
    };
    const pending: Promise<void>[] = [];
    const { events, upTo } = await bootstrap(reader.token, 3, async () => {
      // During the first pages (complaints created meanwhile lengthen the walk): one write awaited
      // between pages, one left running into the next page.
      if (running >= 6) return;
      await write();
      pending.push(write());
    });
    await Promise.all(pending);
    expect(running).toBe(6);
    const rest = await api.pullAll(reader.token, upTo);
    const seen = new Set([...events, ...(rest.documents as Json[])].map((e) => e.id as string));
    for (const id of written) expect(seen.has(id), id).toBe(true);
    const everything = await api.pullAll(reader.token);
    expect(seen).toEqual(new Set((everything.documents as Json[]).map((e) => e.id as string)));
  });

  it("writes each event's JSON text exactly as pull does, a reason with characters JSON escapes included", async () => {
    const me = as('agent.gz');
    const [row] = await t.server.db.query<{ id: string }>("select id from events where status = 'accepted' and pushed_by = $1 order by id limit 1", [me.user.id]);
    const id = row!.id;
    await t.server.db.query('update events set reason_code = $2, reason_message = $3 where id = $1', [id, 'accepted_then_moved', '已移交 "东莞"\n\t\\ \u0001 </script>']);
    try {
      const [origin] = await readFeedWhere(t.server.db, 'f.event_id = $1 and f.origin', [id]);
      const res = await api.request('GET', '/api/sync/bootstrap?limit=1000', { token: me.token });
      expect(res.status).toBe(200);
      expect(res.body).toContain(origin!.json);
      expect(JSON.parse(origin!.json).reason.message).toBe('已移交 "东莞"\n\t\\ \u0001 </script>');
    } finally {
      await t.server.db.query('update events set reason_code = null, reason_message = null where id = $1', [id]);
    }
  });

  it('refuses bad input with 400 and an unsigned caller with 401', async () => {
    const me = as('agent.gz');
    for (const bad of ['limit=0', 'limit=1001', 'limit=x', 'upTo=-1', 'upTo=1.5', 'after=']) {
      const res = await api.request('GET', `/api/sync/bootstrap?${bad}`, { token: me.token });
      expect(res.status, bad).toBe(400);
    }
    expect((await api.request('GET', '/api/sync/bootstrap')).status).toBe(401);
  });
});
