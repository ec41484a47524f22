import type { Subscription } from 'rxjs';
import { getChangedDocumentsSince, type RxStorageChangeEvent } from 'rxdb';
import { apply, fold } from '../../../shared/fold/fold';
import type { FoldContext } from '../../../shared/fold/context';
import { compareEvents } from '../../../shared/fold/order';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { HotlineDatabase } from '../db';
import type { LocalMeta } from '../local-meta';
import type { EventDoc } from '../schema/events-schema';
import { plainEvent, toStoredEvent } from './event-conversion';
import { toComplaintDoc } from './complaint-doc';

/**
 * Bump when the projection's shape or the indexed fields change: every
 * complaint is then refolded from the local events on the next start.
 */
export const PROJECTION_VERSION = 1;

const CHECKPOINT_KEY = 'projector.checkpoint';
const VERSION_KEY = 'projector.version';
const CATCH_UP_BATCH = 1000;
const REFOLD_BATCH = 100;

export interface Projector {
  /** Catches up with events written while the app was not running, then follows live writes. */
  start(): Promise<void>;
  /** Resolves when every change seen so far is in the projection. */
  idle(): Promise<void>;
  /** Recomputes every complaint (fold code or policy changed). */
  refoldAll(): Promise<void>;
  stop(): void;
}

interface Change {
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  doc: EventDoc;
  prev?: EventDoc;
}

/**
 * Keeps the local `complaints` collection equal to the shared fold of the
 * local events. An event arriving in order is applied incrementally; one
 * stamped before what is already folded, a rejection, or a complaint not yet
 * projected recomputes that complaint from all its events.
 */
export function createProjector(db: HotlineDatabase, meta: LocalMeta, context: () => FoldContext): Projector {
  let chain: Promise<unknown> = Promise.resolve();
  let sub: Subscription | null = null;
  let stopped = false;
  const enqueue = (job: () => Promise<void>) => {
    const next = chain.then(() => (stopped ? undefined : job()));
    chain = next.catch((err: unknown) => console.error('projection update failed', err));
    return next;
  };

  async function eventsOf(complaintIds: string[]): Promise<Map<string, EventDoc[]>> {
    const docs = await db.events.find({ selector: { complaintId: { $in: complaintIds } }, sort: [{ hlc: 'asc' }] }).exec();
    const by = new Map<string, EventDoc[]>(complaintIds.map((id) => [id, []]));
    for (const d of docs) by.get(d.complaintId)?.push(plainEvent(d.toJSON() as EventDoc & Record<string, unknown>));
    return by;
  }

  async function write(results: Map<string, ComplaintProjection | null>): Promise<void> {
    const upserts = [];
    const removals: string[] = [];
    for (const [id, p] of results) {
      if (p) upserts.push(toComplaintDoc(p));
      else removals.push(id);
    }
    if (upserts.length) await db.complaints.bulkUpsert(upserts);
    if (removals.length) await db.complaints.bulkRemove(removals);
  }

  async function refold(complaintIds: string[]): Promise<void> {
    const ctx = context();
    for (let i = 0; i < complaintIds.length; i += REFOLD_BATCH) {
      const batch = complaintIds.slice(i, i + REFOLD_BATCH);
      const events = await eventsOf(batch);
      const results = new Map<string, ComplaintProjection | null>();
      for (const id of batch) {
        const usable = (events.get(id) ?? []).filter((e) => e.status !== 'rejected').map(toStoredEvent);
        results.set(id, usable.length ? fold(usable, ctx) : null);
      }
      await write(results);
    }
  }

  /** True when the change leaves the folded content as it was (the server only confirmed it). */
  function onlyConfirmed(c: Change): boolean {
    return c.op === 'UPDATE' && !!c.prev && c.prev.hlc === c.doc.hlc && c.prev.status !== 'rejected' && c.doc.status !== 'rejected';
  }

  async function applyChanges(changes: Change[]): Promise<void> {
    const byComplaint = new Map<string, Change[]>();
    for (const c of changes) {
      if (onlyConfirmed(c)) continue;
      const list = byComplaint.get(c.doc.complaintId) ?? [];
      list.push(c);
      byComplaint.set(c.doc.complaintId, list);
    }
    if (byComplaint.size === 0) return;
    const ids = [...byComplaint.keys()];
    const existing = await db.complaints.findByIds(ids).exec();
    const ctx = context();
    const toRefold: string[] = [];
    const results = new Map<string, ComplaintProjection | null>();
    for (const [id, list] of byComplaint) {
      const current = existing.get(id)?.toJSON(true);
      const inserts = list.filter((c) => c.op === 'INSERT' && c.doc.status !== 'rejected').map((c) => c.doc);
      // An insert, in order or late, is the shared fold's incremental case; a rejection or a
      // rewritten event changes what was folded before, so that complaint is recomputed.
      if (!list.every((c) => c.op === 'INSERT')) {
        toRefold.push(id);
        continue;
      }
      let p: ComplaintProjection | null = current ? (current.p as ComplaintProjection) : null;
      for (const e of inserts.sort(compareEvents)) p = apply(p, toStoredEvent(e), ctx);
      if (inserts.length) results.set(id, p);
    }
    await write(results);
    if (toRefold.length) await refold(toRefold);
  }

  /** Walks the events changed since the saved checkpoint and refolds their complaints. */
  async function catchUp(from: unknown): Promise<void> {
    let checkpoint = from;
    const touched = new Set<string>();
    for (;;) {
      const page = await getChangedDocumentsSince(db.events.storageInstance, CATCH_UP_BATCH, checkpoint as never);
      for (const d of page.documents) touched.add(d.complaintId);
      checkpoint = page.checkpoint;
      if (page.documents.length < CATCH_UP_BATCH) break;
    }
    await refold([...touched]);
    await meta.set(CHECKPOINT_KEY, checkpoint ?? null);
  }

  return {
    async start() {
      const version = await meta.get<number>(VERSION_KEY);
      const saved = version === PROJECTION_VERSION ? await meta.get<unknown>(CHECKPOINT_KEY) : null;
      // Subscribe first, so nothing written during the catch-up is missed; refolding twice is harmless.
      sub = db.events.eventBulks$.subscribe((bulk) => {
        const changes: Change[] = bulk.events.map((e: RxStorageChangeEvent<EventDoc>) => ({
          op: e.operation,
          doc: e.documentData,
          prev: e.previousDocumentData,
        }));
        const checkpoint: unknown = bulk.checkpoint;
        void enqueue(async () => {
          await applyChanges(changes);
          await meta.set(CHECKPOINT_KEY, checkpoint);
        });
      });
      await enqueue(async () => {
        await catchUp(saved ?? undefined);
        await meta.set(VERSION_KEY, PROJECTION_VERSION);
      });
    },
    async idle() {
      let seen: Promise<unknown>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
    refoldAll: () =>
      enqueue(async () => {
        const ids = new Set<string>();
        const all = await db.complaints.find().exec();
        for (const d of all) ids.add(d.id);
        await catchUp(undefined);
        // Complaints whose events are all gone or rejected drop out of the projection.
        const orphans = [...ids];
        await refold(orphans);
      }),
    stop() {
      stopped = true;
      sub?.unsubscribe();
    },
  };
}
