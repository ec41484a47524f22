import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { StoredEvent } from '../../shared/events/envelope';
import { canonicalJson } from '../../shared/json/canonical-json';
import { fold } from '../../shared/fold/fold';
import { makeEvent } from '../../shared/events/make-event';
import { REDACTABLE_FIELDS, type RedactableField } from '../../shared/events/payloads/outcome';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { createClock, receive, tick, type HlcClock } from '../../shared/hlc/hlc';
import { SYSTEM_ACTOR_ID } from '../../shared/actors/system-actor';
import { scrubHistory } from '../../shared/erasure/scrub';
import { dueForRetention, monthsBefore, retentionEventId } from '../../shared/erasure/retention';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/db';
import { lockComplaints, upsertProjectionsStatement } from '../complaints/projection-rows';
import { currentProjections } from '../complaints/refold';
import type { SettingsStore } from '../reference/settings-store';
import { acceptEvents, type Writer } from '../sync/accept';
import {
  findComplaint,
  historyOf,
  pendingRedactions,
  reannounceStatements,
  recordErasuresStatement,
  retentionCandidates,
  rewriteEventsStatement,
} from './erasure-store';

const BATCH = 100;
/** Far enough that a complaint's own stamps never make the server's clock refuse them. */
const NO_SKEW_BOUND = Number.MAX_SAFE_INTEGER;

export interface AppliedErasure {
  complaintId: string;
  /** Stored events rewritten. */
  scrubbed: number;
  /** Highest feed sequence written (the re-announcements), when any. */
  maxSeq: number | null;
}

export type EraseOutcome =
  | { ok: true; redactionId: string; complaintId: string; fields: RedactableField[]; scrubbed: number }
  | { ok: false; status: 404 | 409; code: string; message: string };

/**
 * Erasure that erases. A redaction (complaint.redacted, written by a
 * workstation, by an admin here, or by the retention rule) is accepted like
 * any event and empties the projection; this then rewrites the stored events
 * it covers with the personal values replaced (shared/erasure/scrub.ts),
 * re-folds the complaint and re-announces the rewritten events with fresh
 * sequence numbers, so every replica that syncs takes the scrubbed copies
 * (the fold prefers them). One transaction per complaint, holding its lock.
 * A redaction's row in `erasures` says it has been applied; a push that
 * carried one pokes this, and a periodic pass catches any left over (a crash
 * between the two transactions).
 */
export class Erasure {
  private readonly nodeId: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsStore,
    private readonly onWritten: (maxSeq: number) => void,
    nodeId: string = randomBytes(8).toString('hex'),
  ) {
    this.nodeId = nodeId;
  }

  /** Scrubs one complaint's stored events by its accepted redactions. */
  async apply(complaintId: string, now: Date = new Date()): Promise<AppliedErasure> {
    const result = await this.db.transaction(async (tx) => {
      await lockComplaints(this.db, tx, [complaintId]);
      const rows = await historyOf(tx, complaintId);
      const events = rows.map((r) => ({ ...(JSON.parse(r.doc) as StoredEvent), status: r.status }));
      const redactionIds = events.filter((e) => e.status === 'accepted' && e.type === 'complaint.redacted').map((e) => e.id);
      const changed = scrubHistory(events).map(({ status: _status, ...e }) => ({ id: e.id, doc: canonicalJson(e) }));
      if (!changed.length) {
        if (redactionIds.length) await tx.finish([recordErasuresStatement(redactionIds, complaintId, 0, now.toISOString())]);
        return { complaintId, scrubbed: 0, maxSeq: null };
      }
      const rewrite = rewriteEventsStatement(changed);
      await tx.query(rewrite.text, rewrite.params);
      const settings = await this.settings.current(tx);
      const byId = new Map(changed.map((c) => [c.id, JSON.parse(c.doc) as StoredEvent]));
      const accepted = events.filter((e) => e.status === 'accepted').map((e) => byId.get(e.id) ?? e);
      const projection = fold(accepted, { policy: settings.policy, calendar: settings.calendar });
      const seqRows = await tx.finish<{ s: unknown }>([
        ...(projection ? [upsertProjectionsStatement([projection], settings.policy.revision)] : []),
        recordErasuresStatement(redactionIds, complaintId, changed.length, now.toISOString()),
        ...reannounceStatements(this.db, changed.map((c) => c.id)),
      ]);
      const maxSeq = seqRows.length ? Math.max(...seqRows.map((r) => Number(r.s))) : null;
      return { complaintId, scrubbed: changed.length, maxSeq };
    });
    if (result.maxSeq !== null) this.onWritten(result.maxSeq);
    return result;
  }

  /** Applies every accepted redaction not applied yet. */
  async applyPending(now: Date = new Date()): Promise<AppliedErasure[]> {
    const out: AppliedErasure[] = [];
    const done = new Set<string>();
    for (;;) {
      const pending = (await pendingRedactions(this.db, BATCH)).filter((p) => !done.has(p.complaintId));
      if (!pending.length) return out;
      for (const complaintId of new Set(pending.map((p) => p.complaintId))) {
        done.add(complaintId);
        out.push(await this.apply(complaintId, now));
      }
    }
  }

  /** After a push with a redaction: apply it soon, without holding up the push's answer. */
  poke(onError: (err: unknown) => void): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.applyPending();
      } while (this.again);
    })()
      .catch(onError)
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Resolves when a poked pass has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /**
   * A stamp at `nowMs` that sorts after `after` (the complaint's last event),
   * so the redaction covers everything the complaint holds. Each redaction
   * concerns one complaint only, so a clock per stamp is enough, and a run
   * with an earlier `now` (tests) never stamps ahead of its own time.
   */
  private stamp(nowMs: number, after: string): string {
    const clock: HlcClock = receive(createClock(this.nodeId), after, nowMs, NO_SKEW_BOUND);
    return tick(clock, nowMs).stamp;
  }

  /**
   * An erasure asked for by a person (the admin screen): a complaint.redacted
   * written as that user through the accept path (role and scope checked
   * there), stamped after everything the complaint holds so it covers all of
   * it, then applied to the stored events at once.
   */
  async erase(
    user: AuthUser,
    request: { complaintId?: string; number?: string; fields?: RedactableField[]; reason: string },
    now: Date = new Date(),
  ): Promise<EraseOutcome> {
    const complaint = await findComplaint(this.db, request.complaintId !== undefined ? { id: request.complaintId } : { number: request.number ?? '' });
    if (!complaint) return { ok: false, status: 404, code: 'not_found', message: 'No such complaint' };
    const p = JSON.parse(complaint.projection) as ComplaintProjection;
    const fields = request.fields?.length ? request.fields : [...REDACTABLE_FIELDS];
    const event = makeEvent({
      id: uuidv7(),
      type: 'complaint.redacted',
      complaintId: complaint.id,
      actorId: user.id,
      branchId: complaint.branchId,
      payload: { fields, reason: request.reason },
      hlc: this.stamp(now.getTime(), p.lastHlc),
      occurredAt: now.toISOString(),
    });
    const writer: Writer = { kind: 'user', user };
    const accepted = await acceptEvents(this.db, this.settings, writer, [{ id: event.id, doc: { ...event } }], now);
    if (accepted.maxSeq !== null) this.onWritten(accepted.maxSeq);
    if (accepted.accepted !== 1) {
      const returned = accepted.returned[0] ? (JSON.parse(accepted.returned[0]) as StoredEvent) : null;
      return { ok: false, status: 409, code: returned?.reason?.code ?? 'refused', message: returned?.reason?.message ?? 'The redaction was refused' };
    }
    const applied = await this.apply(complaint.id, now);
    return { ok: true, redactionId: event.id, complaintId: complaint.id, fields, scrubbed: applied.scrubbed };
  }

  /**
   * The retention rule, run by the server with `now` passed in: every closed
   * complaint whose closing is older than the policy's months and that still
   * holds personal data gets a system redaction of every personal field (one
   * id per complaint and closing, so processes running it together write one
   * event), and its stored events are scrubbed.
   */
  async runRetention(now: Date = new Date()): Promise<{ erased: number }> {
    const settings = await this.settings.current();
    const months = settings.policy.retention.erasePersonalAfterMonths;
    if (months <= 0) return { erased: 0 };
    // Closed before the cutoff implies received before it: the column narrows, the rule decides.
    const cutoff = monthsBefore(now, months).toISOString();
    let erased = 0;
    const seen = new Set<string>();
    for (;;) {
      const rows = await retentionCandidates(this.db, cutoff, [...seen], BATCH);
      if (!rows.length) break;
      const projections = await currentProjections(this.db, settings, rows);
      const push = [];
      for (const p of projections) {
        seen.add(p.id);
        if (!dueForRetention(p, now, settings.policy)) continue;
        const event = makeEvent({
          id: retentionEventId(p.id, p.milestones.closedAt as string),
          type: 'complaint.redacted',
          complaintId: p.id,
          actorId: SYSTEM_ACTOR_ID,
          branchId: p.branchId,
          payload: { fields: [...REDACTABLE_FIELDS], reason: `retention: closed more than ${months} months ago` },
          hlc: this.stamp(now.getTime(), p.lastHlc),
          occurredAt: now.toISOString(),
        });
        push.push({ id: event.id, doc: { ...event } });
      }
      if (push.length) {
        const r = await acceptEvents(this.db, this.settings, { kind: 'system', id: SYSTEM_ACTOR_ID }, push, now);
        if (r.maxSeq !== null) this.onWritten(r.maxSeq);
        erased += r.accepted;
        for (const e of push) await this.apply(e.doc.complaintId, now);
      }
      if (rows.length < BATCH) break;
    }
    return { erased };
  }

  /** Every `intervalMs`: the retention rule, then any redaction left unapplied. */
  start(intervalMs: number, onError: (err: unknown) => void): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      const now = new Date();
      this.runRetention(now)
        .then(() => this.applyPending(now))
        .catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }
}
