import { map, type Observable } from 'rxjs';
import type { DataStore } from './store';
import type { CommandResult } from './types/command-result';
import type { RejectedEvent } from './types/sync';
import type { ComplaintProjection } from '../../shared/fold/projection';
import { writeCommand } from './commands/write';
import { commandUser } from './commands/write';

/** The record of refused changes a user dismissed, and why, kept in that user's own database on this workstation. */
export const DISMISSED_KEY = 'attention.dismissed';

export interface Dismissal {
  reason: string;
  at: string;
  by: string;
  /** The note that keeps the reason on the complaint's record, when it could be written. */
  noteEventId: string | null;
}

export type Dismissals = Record<string, Dismissal>;

export function dismissals$(store: DataStore): Observable<Dismissals> {
  return store.db.local.findOne(DISMISSED_KEY).$.pipe(map((doc) => ((doc?.toJSON().value as Dismissals | undefined) ?? {})));
}

/**
 * Dismissals recorded on complaints' records: a note of this user naming the
 * refused event it dismisses. Notes sync, so a dismissal made on one
 * workstation reaches every workstation the user signs in on.
 */
export function dismissalsInNotes(projections: readonly ComplaintProjection[], userId: string): Dismissals {
  const out: Dismissals = {};
  for (const p of projections) {
    for (const n of p.notes) {
      if (n.dismisses && n.actorId === userId) out[n.dismisses] = { reason: n.text, at: n.at, by: n.actorId, noteEventId: n.eventId };
    }
  }
  return out;
}

/** The refused changes still to act on. */
export function undismissed(rejected: readonly RejectedEvent[], dismissed: Dismissals): RejectedEvent[] {
  return rejected.filter((r) => !dismissed[r.event.id]);
}

/**
 * Dismisses a refused change with a reason. The reason goes on the
 * complaint's record as a note naming the refused event, where this user may
 * still write one, and reaches the user's other workstations with it. Where
 * no note can be written (a complaint transferred away, which the user's other
 * workstations no longer hold either), the dismissal is kept on this
 * workstation, so the item leaves "Needs attention" but is never silently lost.
 */
export async function dismissRejected(store: DataStore, eventId: string, reason: string, noteText: string): Promise<CommandResult> {
  const user = commandUser(store);
  if (!user) return { ok: false, error: 'not_signed_in' };
  if (!reason.trim()) return { ok: false, error: 'invalid', message: 'A reason is required' };
  const event = await store.db.events.findOne(eventId).exec();
  if (!event || event.status !== 'rejected') return { ok: false, error: 'not_found' };
  const note = await writeCommand(store, 'note.added', event.complaintId, { text: noteText, dismisses: eventId });
  const all = (await store.userMeta.get<Dismissals>(DISMISSED_KEY)) ?? {};
  all[eventId] = {
    reason: reason.trim(),
    at: new Date(store.now()).toISOString(),
    by: user.id,
    noteEventId: note.ok ? note.eventId : null,
  };
  await store.userMeta.set(DISMISSED_KEY, all);
  return note.ok ? note : { ok: true, eventId };
}
