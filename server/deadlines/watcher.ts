import { randomBytes } from 'node:crypto';
import { makeEvent } from '../../shared/events/make-event';
import { createClock, tick, type HlcClock } from '../../shared/hlc/hlc';
import { SYSTEM_ACTOR_ID } from '../../shared/actors/system-actor';
import { breachEventId } from '../../shared/ids/breach-id';
import type { EscalationLevel } from '../../shared/events/fields';
import { breachEscalationTarget } from '../../shared/rules/escalation-ladder';
import type { Db } from '../db/db';
import type { SettingsStore } from '../reference/settings-store';
import { acceptEvents } from '../sync/accept';
import { currentProjections } from '../complaints/refold';
import type { PushRow } from '../sync/wire';
import { breachedClocks } from '../../shared/deadlines/running-clocks';

const BATCH = 200;

export interface WatchResult {
  /** Breach escalations accepted. */
  escalated: number;
  maxSeq: number | null;
}

/**
 * Writes the breach escalations nobody has written yet: for each complaint
 * with a running clock past due and no breach escalation for that clock, a
 * complaint.escalated event (reason "breach", actor "system") whose id comes
 * from breachEventId, so a workstation's copy of the same escalation is the
 * same event. Goes through the same accept path as every push.
 */
export class DeadlineWatcher {
  private clock: HlcClock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<WatchResult> | undefined;
  /** Told of each run's outcome (the /metrics counters). */
  onRun: ((outcome: 'ok' | 'failed') => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsStore,
    private readonly onWritten: (maxSeq: number) => void,
    nodeId: string = randomBytes(8).toString('hex'),
  ) {
    this.clock = createClock(nodeId);
  }

  private stamp(nowMs: number): string {
    const next = tick(this.clock, nowMs);
    this.clock = next.clock;
    return next.stamp;
  }

  async run(now: Date = new Date()): Promise<WatchResult> {
    // One run at a time per process; another process running too only finds the ids taken.
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.runOnce(now);
    try {
      const result = await this.running;
      this.onRun?.('ok');
      return result;
    } catch (err) {
      this.onRun?.('failed');
      throw err;
    } finally {
      this.running = undefined;
    }
  }

  private async runOnce(now: Date): Promise<WatchResult> {
    const result: WatchResult = { escalated: 0, maxSeq: null };
    const seen = new Set<string>();
    for (;;) {
      const rows = await this.db.query<{ id: string; projection: string; folded_revision: unknown }>(
        `select id, projection, folded_revision from complaints where watch_due <= $1::timestamptz
           and not (id = any($2::text[])) order by watch_due limit $3`,
        [now.toISOString(), [...seen], BATCH],
      );
      if (!rows.length) break;
      const push: PushRow[] = [];
      // A row not yet re-folded after a policy change is judged by the policy in force.
      const projections = await currentProjections(this.db, await this.settings.current(), rows);
      for (const p of projections) {
        seen.add(p.id);
        let level = p.escalationLevel as EscalationLevel;
        for (const clock of breachedClocks(p, now.toISOString())) {
          const toLevel = breachEscalationTarget(level);
          const event = makeEvent({
            id: breachEventId(p.id, clock),
            type: 'complaint.escalated',
            complaintId: p.id,
            actorId: SYSTEM_ACTOR_ID,
            branchId: p.branchId,
            payload: { fromLevel: level, toLevel, reason: 'breach', clock },
            hlc: this.stamp(now.getTime()),
            occurredAt: now.toISOString(),
          });
          push.push({ id: event.id, doc: { ...event } });
          level = toLevel;
        }
      }
      if (push.length) {
        const r = await acceptEvents(this.db, this.settings, { kind: 'system', id: SYSTEM_ACTOR_ID }, push, now);
        result.escalated += r.accepted;
        if (r.maxSeq !== null) {
          result.maxSeq = r.maxSeq;
          this.onWritten(r.maxSeq);
        }
      }
      if (rows.length < BATCH) break;
    }
    return result;
  }

  start(intervalMs: number, onError: (err: unknown) => void): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.run().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
