import { ApiClient, EventFactory, startTestServer } from './harness';
import { acceptEvents } from '../sync/accept';
const storage = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const t = await startTestServer(storage);
const api = new ApiClient(t.server);
const who = await Promise.all(['agent.gz', 'agent2.gz', 'lead.gz', 'agent.dg'].map((n) => api.login(n)));
const f = new EventFactory();
// warm
await api.push(who[0]!.token, Array.from({ length: 100 }, () => f.created(who[0]!.user)));
const batches = 40;
const start = performance.now();
await Promise.all(who.map(async (w) => {
  const fac = new EventFactory();
  for (let b = 0; b < batches / who.length; b++) {
    // half creates, half notes on those complaints
    const created = Array.from({ length: 50 }, () => fac.created(w.user));
    const notes = created.map((c) => fac.make('note.added', { complaintId: c.complaintId, actorId: w.user.id, branchId: w.user.branchId, payload: { text: 'n' } }));
    const res = await api.push(w.token, [...created, ...notes]);
    if (res.status !== 200 || res.json.length) throw new Error(res.body.slice(0, 300));
  }
}));
const ms = performance.now() - start;
console.log(storage, `${batches * 100} events in ${ms.toFixed(0)} ms → ${(batches * 100 / ms * 1000).toFixed(0)} ev/s`);
await t.cleanup();
