import type { StoredEvent } from '../../../shared/events/envelope';
import { lookupAnswerSchema, pushAnswerSchema, type LookupRequest } from '../../../shared/protocol/events';
import type { Api } from './api';

/** What this needs of a push row; the document is the wire form (no status while pending). */
export interface PushRow {
  newDocumentState: { id: string; status?: string; seq?: number };
}

/**
 * Pushes one batch and answers with every row the server has decided
 * differently from the pushed copy: the push's own conflicts, plus the stored
 * version of rows the server already held. A push whose answer was lost is
 * re-sent and then answered "unchanged" (no conflict, per the protocol), while
 * the server's copy pulled in the meantime was set aside because the local
 * write was still unpushed; without the lookup the event would stay pending
 * locally, and a rejection would never reach its author. One lookup per batch,
 * only for rows still pending locally: a row that carries a server status is a
 * resolved conflict being re-sent, already settled, and answering it again
 * would make RxDB write and re-push it without end.
 *
 * A row the lookup does not find either was stored and is gone since: a
 * branch hub drops the accepted events of a complaint that left the branch
 * once central has confirmed them, possibly before their author learned the
 * verdict, and no pull brings them again. Those rows are pushed once more:
 * the server decides them afresh (the hub refuses an event of a complaint it
 * no longer holds, provisionally, and central's verdict follows on the
 * author's pull), and that answer settles them. Once only: a row still
 * unanswered stays as it is rather than being pushed without end.
 */
export async function pushAndSettle(api: Api, batch: PushRow[], stopped: () => boolean = () => false): Promise<StoredEvent[]> {
  const answer = pushAnswerSchema.parse(await api.json<unknown>('POST', '/api/sync/events/push', batch));
  // Stopped meanwhile (sign-out): RxDB discards this answer and pushes again next time, and a
  // request without a token would read as an expired session.
  if (stopped()) return answer;
  const answered = new Set(answer.map((d) => d.id));
  const unsettled = new Map(
    batch
      .map((r) => r.newDocumentState)
      .filter((d) => (d.status === undefined || d.status === 'pending') && !answered.has(d.id))
      .map((d) => [d.id, d]),
  );
  if (!unsettled.size) return answer;
  const request: LookupRequest = { ids: [...unsettled.keys()] };
  const found = lookupAnswerSchema.parse(await api.json<unknown>('POST', '/api/sync/events/lookup', request)).documents.filter(
    (d) => unsettled.has(d.id) && d.status !== undefined,
  );
  const gone = new Set(unsettled.keys());
  for (const d of found) gone.delete(d.id);
  if (!gone.size || stopped()) return [...answer, ...found];
  const again = pushAnswerSchema.parse(
    await api.json<unknown>('POST', '/api/sync/events/push', batch.filter((r) => gone.has(r.newDocumentState.id))),
  );
  return [...answer, ...found, ...again.filter((d) => gone.has(d.id) && d.status !== undefined)];
}
