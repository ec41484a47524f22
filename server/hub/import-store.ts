import { SERVER_FIELDS } from '../../shared/events/envelope';
import type { PullPage } from '../../shared/protocol/events';
import type { Db } from '../db/db';
import { lockComplaints } from '../complaints/projection-rows';
import type { SettingsStore } from '../reference/settings-store';
import { canonicalJson } from '../../shared/json/canonical-json';
import { cleanText } from '../sync/wire';
import { refoldAndAnnounce } from './refold-store';
import { writeHubStateStatement } from './state-store';

/** RxDB bookkeeping, never part of an event's content. */
const META_FIELDS = ['_meta', '_rev', '_attachments'];

interface Pulled {
  id: string;
  complaintId: string | null;
  type: string | null;
  actorId: string;
  stored: string;
  status: 'accepted' | 'rejected';
  reasonCode: string | null;
  reasonMessage: string | null;
  receivedAt: string;
}

function pulled(doc: Record<string, unknown>): Pulled {
  const dropped: readonly string[] = [...SERVER_FIELDS, ...META_FIELDS];
  const content = Object.fromEntries(Object.entries(doc).filter(([k]) => !dropped.includes(k)));
  const reason = doc.reason as { code?: unknown; message?: unknown } | undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(doc.id),
    complaintId: text(doc.complaintId),
    type: text(doc.type),
    actorId: text(doc.actorId) ?? 'upstream',
    stored: canonicalJson(content),
    status: doc.status === 'rejected' ? 'rejected' : 'accepted',
    reasonCode: reason && typeof reason.code === 'string' ? cleanText(reason.code, 64) : null,
    reasonMessage: reason && typeof reason.message === 'string' ? cleanText(reason.message, 500) : null,
    receivedAt: text(doc.receivedAt) ?? new Date(0).toISOString(),
  };
}

interface ExistingRow {
  id: string;
  doc: string;
  status: string;
  reason_code: string | null;
  upstream: string | null;
}

/**
 * One page pulled from central, applied in one transaction with the pull
 * checkpoint (so a crash repeats the page or none of it): new events stored
 * as central has them and announced on the hub's feed; events whose content
 * or status central changed (a scrubbed redaction, a verdict) replaced and
 * announced again; the hub's own relayed events seen back confirmed; the
 * touched complaints folded afresh; complaints that left the branch dropped.
 * Central's word is final: nothing pulled is decided again here.
 * Resolves to true when the feed changed.
 */
export async function importPage(db: Db, settings: SettingsStore, branchId: string, page: PullPage, o: { morePages?: boolean } = {}): Promise<boolean> {
  const byId = new Map<string, Pulled>();
  for (const doc of page.documents) {
    const p = pulled(doc as unknown as Record<string, unknown>);
    byId.delete(p.id);
    byId.set(p.id, p);
  }
  const docs = [...byId.values()];
  return db.transaction(async (tx) => {
    const existing = new Map(
      (docs.length
        ? await tx.query<ExistingRow>('select id, doc, status, reason_code, upstream from events where id = any($1::text[])', [docs.map((d) => d.id)])
        : []
      ).map((r) => [r.id, r]),
    );
    const fresh: Pulled[] = [];
    const changed: Pulled[] = [];
    const confirmed: string[] = [];
    for (const d of docs) {
      const row = existing.get(d.id);
      if (!row) fresh.push(d);
      else if (row.doc !== d.stored || row.status !== d.status || (d.status === 'rejected' && row.reason_code !== d.reasonCode)) changed.push(d);
      else if (row.upstream === 'pending') confirmed.push(d.id);
    }
    const touched = [...new Set([...fresh, ...changed].map((d) => d.complaintId).filter((c): c is string => c !== null))];
    await lockComplaints(db, tx, touched);
    const rows = (list: Pulled[]) =>
      JSON.stringify(
        list.map((d) => ({
          id: d.id,
          complaint_id: d.complaintId,
          type: d.type,
          status: d.status,
          reason_code: d.reasonCode,
          reason_message: d.reasonMessage,
          pushed_by: d.actorId,
          received_at: d.receivedAt,
          doc: d.stored,
        })),
      );
    const recordset = `json_to_recordset($1::json) as r(id text, complaint_id text, type text, status text, reason_code text,
                         reason_message text, pushed_by text, received_at text, doc text)`;
    if (fresh.length) {
      await tx.query(
        `insert into events (id, complaint_id, type, status, reason_code, reason_message, pushed_by, received_at, doc)
         select r.id, r.complaint_id, r.type, r.status, r.reason_code, r.reason_message, r.pushed_by, r.received_at, r.doc from ${recordset}`,
        [rows(fresh)],
      );
    }
    if (changed.length) {
      // The hub's copy becomes central's, and whatever was waiting upstream is decided (a refusal of the hub's that
      // central accepted is `overruled`, as in verdict-store.ts).
      await tx.query(
        `update events e set doc = r.doc, status = r.status, reason_code = r.reason_code, reason_message = r.reason_message,
                upstream = case when e.upstream is null then null when r.status = 'accepted' then 'confirmed' else 'rejected' end,
                overruled = e.overruled or (e.upstream = 'pending' and e.status = 'rejected' and r.status = 'accepted')
           from ${recordset} where e.id = r.id`,
        [rows(changed)],
      );
    }
    if (confirmed.length) await tx.query(`update events set upstream = 'confirmed' where id = any($1::text[])`, [confirmed]);
    const feedRows = JSON.stringify(fresh.map((d, n) => ({ n, event_id: d.id, pushed_by: d.actorId, accepted: d.status === 'accepted' })));
    await tx.finish([
      ...(await refoldAndAnnounce(db, tx, settings, {
        branchId,
        touched,
        changedIds: changed.map((d) => d.id),
        acceptedIds: changed.filter((d) => d.status === 'accepted').map((d) => d.id),
        morePages: o.morePages,
        feed: [
          {
            text: `insert into feed (fseq, event_id, branch_id, pushed_by, accepted, origin)
                   select nextval('feed_seq'), r.event_id, $2, r.pushed_by, r.accepted, true
                     from json_to_recordset($1::json) as r(n int, event_id text, pushed_by text, accepted boolean) order by r.n`,
            params: [feedRows, branchId],
          },
        ],
      })),
      writeHubStateStatement('pull_seq', String(page.checkpoint.seq)),
    ]);
    return fresh.length > 0 || changed.length > 0;
  });
}
