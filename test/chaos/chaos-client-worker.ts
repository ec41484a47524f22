/**
 * One chaos workstation in its own worker thread: its own RxDB (the free
 * build caps open collections per thread), its own event loop, like a
 * separate machine. The main thread drives it with messages.
 */
import { parentPort } from 'node:worker_threads';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/roles';
import { canWrite } from '../../shared/rules/permissions';
import { withoutEvents, type ComplaintProjection } from '../../shared/fold/projection';
import { startChaosClient, type ChaosClient, type ChaosClientOptions } from './chaos-client';
import { chooseAction, newComplaintPayload } from './chaos-actions';
import type { ClientRequest, ClientSnapshot, WriteStep } from './chaos-client-protocol';

let client: ChaosClient | null = null;

async function writeStep(c: ChaosClient, step: WriteStep): Promise<Record<string, unknown> | null> {
  const role = c.session.user.role as Role;
  const local = (await c.db.complaints.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON() as unknown as { id: string; p: ComplaintProjection });
  const nowIso = new Date(c.now()).toISOString();
  if (canWrite(role, 'complaint.created') && (local.length === 0 || step.complaintRoll < 0.2)) {
    return c.write({
      id: uuidv7(), type: 'complaint.created', complaintId: uuidv7(), actorId: c.session.user.id, branchId: step.branchId,
      payload: newComplaintPayload(step.payloadSeed, step.newNumber, nowIso) as unknown as Record<string, unknown>, v: 1, _deleted: false,
    }) as unknown as Promise<Record<string, unknown>>;
  }
  if (local.length === 0) return null;
  const target = local[Math.floor(step.complaintRoll * local.length)] as { id: string; p: ComplaintProjection };
  const chosen = chooseAction(role, target.p, step.actionRoll, { actorId: c.session.user.id, userIds: step.userIds, nowIso, serial: step.serial, ...(step.transferTargets ? { transferTargets: step.transferTargets } : {}) });
  if (!chosen) return null;
  return c.write({
    id: uuidv7(), type: chosen.type, complaintId: target.id, actorId: c.session.user.id, branchId: target.p.branchId,
    payload: chosen.payload as Record<string, unknown>, v: 1, _deleted: false,
  }) as unknown as Promise<Record<string, unknown>>;
}

async function snapshot(c: ChaosClient): Promise<ClientSnapshot> {
  await c.projector.idle();
  const events = (await c.db.events.find().exec()).map((d) => d.toJSON() as unknown as ClientSnapshot['events'][number]);
  const complaints = (await c.db.complaints.find().exec()).map((d) => {
    const p = (d.toJSON() as unknown as { p: ComplaintProjection }).p;
    // The local projection keeps the folded events for incremental folding; the server's answer leaves them out.
    return { id: d.id, projection: withoutEvents(p) as unknown as Record<string, unknown> };
  });
  return { events, complaints };
}

async function handle(req: ClientRequest): Promise<unknown> {
  if (req.op === 'start') {
    const options: ChaosClientOptions = {
      ...req.options,
      onPushSent: () => parentPort?.postMessage({ type: 'push-sent' }),
      onError: (message) => parentPort?.postMessage({ type: 'error', message }),
    };
    client = await startChaosClient(options);
    return null;
  }
  const c = client;
  if (!c) throw new Error('client not started');
  switch (req.op) {
    case 'write':
      return writeStep(c, req.step);
    case 'online':
      c.network.setOnline(req.online);
      return null;
    case 'duplicate-next-push':
      c.network.duplicateNextPush();
      return null;
    case 'replay-old-push':
      void c.network.replayOldPush(req.pick);
      return null;
    case 'settle':
      c.replication.reSync();
      await Promise.race([c.replication.awaitInSync(), new Promise((r) => setTimeout(r, req.timeoutMs))]);
      await c.projector.idle();
      return null;
    case 'snapshot':
      return snapshot(c);
    case 'explain': {
      const why = c.trace.explain(req.ids, req.seqs);
      // Storage read directly beside the collection query: tells a replication gap from a stale query result.
      const inStorage = new Set((await c.db.events.storageInstance.findDocumentsById(req.ids, true)).map((d) => d.id));
      const inQuery = new Set((await c.db.events.find().exec()).map((d) => d.id));
      for (const id of req.ids) why.events[id] = `${why.events[id] ?? ''}; in storage: ${inStorage.has(id) ? 'yes' : 'no'}, in find(): ${inQuery.has(id) ? 'yes' : 'no'}`;
      return why;
    }
    case 'close':
      await c.close();
      client = null;
      return null;
  }
}

parentPort?.on('message', (msg: { id: number; req: ClientRequest }) => {
  handle(msg.req).then(
    (result) => parentPort?.postMessage({ type: 'reply', id: msg.id, result }),
    (err: unknown) => parentPort?.postMessage({ type: 'reply', id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
