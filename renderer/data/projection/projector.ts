import type { Subscription } from 'rxjs';
import { getChangedDocumentsSince, type RxStorageChangeEvent } from 'rxdb';
import { apply, fold } from '../../../shared/fold/fold';
import { erasedValueCount } from '../../../shared/erasure/markers';
import type { EventEnvelope } from '../../../shared/events/envelope';
import type { FoldContext } from '../../../shared/fold/context';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { HotlineDatabase } from '../db';
import type { LocalMeta } from '../local-meta';
import type { EventDoc } from '../schema/events-schema';
import type { ComplaintDoc } from '../schema/complaints-schema';
import { toComplaintDoc } from './complaint-doc';
import { clearPhoneKey, type PhoneKey } from '../search/blind-tokens';
import { foldInput } from './fold-input';
import { FoldedCache } from './folded-cache';
import { BulkGatherer } from './bulk-gatherer';
import { serialJobs } from '../serial-jobs';

/**
 * Bump when the fold's result changes: every complaint is then refolded from
 * the local events on the next start. A new shape of the stored document
 * (indexed keys) is a schema version with its migration instead.
 */
export const PROJECTION_VERSION = 2;

const CHECKPOINT_KEY = 'projector.checkpoint';
const VERSION_KEY = 'projector.version';
/** The phone key (PhoneKey.id) the stored complaints were written with; absent means the digits in the clear. */
const PHONE_KEY_KEY = 'projector.phoneKey';
const CATCH_UP_BATCH = 1000;
const REFOLD_BATCH = 200;
/** Up to this many complaints are read with one exact range each rather than one $in range. */
const FEW = 8;
/** Folded events kept in memory to extend projections without reading them back (a few tens of MB). */
const CACHED_EVENTS = 100_000;

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
 * local events: a live event incrementally, a pulled batch with one fold per
 * complaint, a rejection or rewrite by recomputing that complaint from the
 * events collection.
 */
/** Told every complaint the projector writes or removes (the search index), before the checkpoint moves. */
export interface ProjectionFollower {
  apply(upserts: readonly ComplaintDoc[], removed: readonly string[]): Promise<void>;
}

export function createProjector(
  db: HotlineDatabase,
  meta: LocalMeta,
  context: () => FoldContext,
  follower: ProjectionFollower | null = null,
  phoneKey: PhoneKey = clearPhoneKey,
): Projector {
  let sub: Subscription | null = null;
  let stopped = false;
  const folded = new FoldedCache(CACHED_EVENTS);
  const gathered = new BulkGatherer<Change>();
  const jobs = serialJobs('projection update', () => stopped);
  const enqueue = jobs.enqueue;

  /** Each complaint's events, in HLC order. */
  async function eventsOf(complaintIds: string[]): Promise<Map<string, EventDoc[]>> {
    const by = new Map<string, EventDoc[]>(complaintIds.map((id) => [id, []]));
    const add = (docs: { toJSON(withMeta: true): unknown }[]) => {
      // The stored data itself, not a copy: it is only read, and the fold keeps envelope copies.
      for (const d of docs) {
        const e = d.toJSON(true) as EventDoc;
        by.get(e.complaintId)?.push(e);
      }
    };
    const sorted = [...complaintIds].sort();
    if (sorted.length <= FEW) {
      // An $in reads the index from its smallest to its largest value: for a few scattered
      // complaints that range holds everything in between, one exact range each is cheaper.
      const parts = await Promise.all(
        sorted.map((id) => db.events.find({ selector: { complaintId: { $eq: id } }, sort: [{ hlc: 'asc' }] }).exec()),
      );
      for (const docs of parts) add(docs);
    } else {
      add(await db.events.find({ selector: { complaintId: { $in: sorted } }, sort: [{ hlc: 'asc' }] }).exec());
    }
    return by;
  }

  async function write(results: Map<string, ComplaintProjection | null>): Promise<void> {
    const upserts = [];
    const removals: string[] = [];
    for (const [id, p] of results) {
      if (p) upserts.push(toComplaintDoc(p, phoneKey));
      else removals.push(id);
      folded.delete(id);
    }
    if (upserts.length) {
      const { success } = await db.complaints.bulkUpsert(upserts);
      for (const doc of success) {
        const p = results.get(doc.id);
        if (p) folded.set(doc.id, doc.revision, p);
      }
    }
    if (removals.length) await db.complaints.bulkRemove(removals);
    // Awaited before the checkpoint is saved: after a crash the catch-up refolds these complaints again.
    await follower?.apply(upserts, removals);
  }

  async function refold(complaintIds: string[]): Promise<void> {
    const ctx = context();
    // Sorted, so each batch's $in range holds (nearly) only its own complaints' events.
    const ids = [...complaintIds].sort();
    for (let i = 0; i < ids.length; i += REFOLD_BATCH) {
      const batch = ids.slice(i, i + REFOLD_BATCH);
      const events = await eventsOf(batch);
      const results = new Map<string, ComplaintProjection | null>();
      for (const id of batch) {
        const usable = (events.get(id) ?? []).filter((e) => e.status !== 'rejected').map(foldInput);
        results.set(id, usable.length ? fold(usable, ctx) : null);
      }
      await write(results);
    }
  }

  /**
   * True when the change leaves the folded content as it was (the server only
   * confirmed it). A copy the server scrubbed after a redaction is a rewrite:
   * the complaint is folded again from the collection, so no folded copy of
   * the erased values stays in memory.
   */
  function onlyConfirmed(c: Change): boolean {
    return (
      c.op === 'UPDATE' &&
      !!c.prev &&
      c.prev.hlc === c.doc.hlc &&
      c.prev.status !== 'rejected' &&
      c.doc.status !== 'rejected' &&
      erasedValueCount(c.prev) === erasedValueCount(c.doc)
    );
  }

  /**
   * The events a stored projection was folded from, read back from the events
   * collection in the timeline's order (the stored document does not carry
   * them). Null for a complaint whose history cannot be rebuilt that way.
   */
  async function foldedEvents(projections: Map<string, ComplaintProjection>): Promise<Map<string, EventEnvelope[] | null>> {
    const wanted: string[] = [];
    for (const p of projections.values()) for (const t of p.timeline) wanted.push(t.eventId);
    const found = wanted.length ? await db.events.findByIds(wanted).exec() : new Map<string, { toJSON(withMeta: true): unknown }>();
    const out = new Map<string, EventEnvelope[] | null>();
    for (const [id, p] of projections) {
      const list: EventEnvelope[] = [];
      for (const t of p.timeline) {
        const d = found.get(t.eventId);
        if (!d) break;
        list.push(foldInput(d.toJSON(true) as EventDoc));
      }
      out.set(id, list.length === p.timeline.length ? list : null);
    }
    return out;
  }

  /**
   * Folds a bulk of event changes. Invariant: a stored projection is the fold
   * of a set of events that are all in the events collection, so a later
   * insert of one of them is a no-op (the fold counts an id once) and the
   * projection equals the fold of all local events once every bulk is in.
   * Inserts are folded per complaint: a single one incrementally on the
   * stored projection (a live event); several (a pulled batch) by one fold
   * of the complaint's folded events plus the new ones. The folded events
   * come from memory while the stored document is still the projector's own
   * last write, else from the collection. A rejection or a rewritten event
   * recomputes that complaint from the collection.
   */
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
    const onStored = new Map<string, { p: ComplaintProjection; inserts: EventDoc[] }>();
    for (const [id, list] of byComplaint) {
      if (!list.every((c) => c.op === 'INSERT')) {
        toRefold.push(id);
        continue;
      }
      const inserts = list.filter((c) => c.doc.status !== 'rejected').map((c) => c.doc);
      if (!inserts.length) continue;
      const current = existing.get(id);
      // No projection: nothing of this complaint has been folded (or all of it was rejected).
      if (!current) {
        results.set(id, fold(inserts.map(foldInput), ctx));
        continue;
      }
      const known = folded.get(id, current.revision);
      if (known) results.set(id, extend(known, inserts, ctx));
      else onStored.set(id, { p: current.toJSON(true).p as ComplaintProjection, inserts });
    }
    const stored = new Map([...onStored].map(([id, { p }]) => [id, p]));
    const history = onStored.size ? await foldedEvents(stored) : new Map<string, EventEnvelope[] | null>();
    for (const [id, { p, inserts }] of onStored) {
      const events = history.get(id);
      if (events) results.set(id, extend({ ...p, events }, inserts, ctx));
      else toRefold.push(id);
    }
    await write(results);
    if (toRefold.length) await refold(toRefold);
  }

  /** A projection with its full event list, plus newly inserted events. */
  function extend(p: ComplaintProjection, inserts: EventDoc[], ctx: FoldContext): ComplaintProjection | null {
    if (inserts.length === 1) return apply(p, foldInput(inserts[0]!), ctx);
    return fold([...p.events, ...inserts.map(foldInput)], ctx);
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
      // Another phone key (a replica encrypted since): every complaint is rewritten with the new one.
      const sameKey = ((await meta.get<string>(PHONE_KEY_KEY)) ?? clearPhoneKey.id) === phoneKey.id;
      const saved = version === PROJECTION_VERSION && sameKey ? await meta.get<unknown>(CHECKPOINT_KEY) : null;
      // Subscribe first, so nothing written during the catch-up is missed; refolding twice is harmless.
      sub = db.events.eventBulks$.subscribe((bulk) => {
        const changes: Change[] = bulk.events.map((e: RxStorageChangeEvent<EventDoc>) => ({
          op: e.operation,
          doc: e.documentData,
          prev: e.previousDocumentData,
        }));
        if (!gathered.add(changes, bulk.checkpoint)) return;
        void enqueue(async () => {
          const { items, checkpoint } = await gathered.take();
          if (stopped) return;
          await applyChanges(items);
          await meta.set(CHECKPOINT_KEY, checkpoint);
        });
      });
      await enqueue(async () => {
        await catchUp(saved ?? undefined);
        await meta.set(VERSION_KEY, PROJECTION_VERSION);
        await meta.set(PHONE_KEY_KEY, phoneKey.id);
      });
    },
    // A caller waiting for the projection wants it now: a pulled page is not held for the next.
    idle: () => gathered.urgently(jobs.idle),
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
