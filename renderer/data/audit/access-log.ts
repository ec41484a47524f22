import { v7 as uuidv7 } from 'uuid';
import type { Subscription } from 'rxjs';
import {
  MAX_ACCESS_IDS,
  MAX_ACCESS_UPLOAD,
  type AccessAction,
  type AccessRecord,
  type ExportReport,
} from '../../../shared/audit/access-record';
import type { RedactableField } from '../../../shared/events/payloads/outcome';
import type { LocalCollection } from '../db';
import type { Session } from '../session';
import type { Api } from '../sync/api';

/** Local documents of records not yet confirmed by the server. */
const PREFIX = 'audit.access.';
/** A complaint's detail opened again within this time by the same user is one view. */
export const VIEW_DEDUPE_MS = 10 * 60 * 1000;

interface PendingRecord {
  userId: string;
  record: AccessRecord;
}

export interface AccessEvent {
  action: AccessAction;
  complaintIds: readonly string[];
  fields?: readonly RedactableField[];
  report?: ExportReport;
}

export interface AccessLog {
  /**
   * Records a read of personal data: kept in the local database at once
   * (offline too), uploaded to the server when it can be. Resolves once the
   * record is stored locally.
   */
  record(event: AccessEvent): Promise<void>;
  /** Uploads the signed-in user's pending records; resolves with how many the server confirmed. */
  flush(): Promise<number>;
  /** Records held locally, not yet confirmed by the server (all users of this workstation). */
  pendingCount(): Promise<number>;
  stop(): void;
}

export interface AccessLogOptions {
  local: LocalCollection;
  api: Api;
  session: Session;
  workstationId: string;
  now(): number;
  /** Fires when the workstation syncs (the moment to upload what was recorded offline). */
  synced$?: { subscribe(next: () => void): Subscription };
}

/**
 * The workstation's side of the access audit. Each record is one local
 * document until the server confirms it; uploads carry the records of the
 * signed-in user only (the server takes the author from the token), so a
 * record made offline by another user of this workstation waits for that
 * user's next session.
 */
export function createAccessLog(o: AccessLogOptions): AccessLog {
  const lastView = new Map<string, number>();
  let flushing: Promise<number> | null = null;
  let stopped = false;

  async function pendingDocs() {
    return o.local.find({ selector: { key: { $gte: PREFIX, $lt: `${PREFIX}\uffff` } } }).exec();
  }

  async function upload(): Promise<number> {
    const user = o.session.current().user;
    if (!user || !o.session.token()) return 0;
    const mine = (await pendingDocs())
      .map((d) => ({ key: d.key, value: d.toJSON().value as PendingRecord }))
      .filter((d) => d.value?.userId === user.id);
    let confirmed = 0;
    for (let i = 0; i < mine.length; i += MAX_ACCESS_UPLOAD) {
      const batch = mine.slice(i, i + MAX_ACCESS_UPLOAD);
      // A failure (offline, expired token) leaves the records for the next try.
      await o.api.json('POST', '/api/audit/access', { records: batch.map((d) => d.value.record) });
      await o.local.bulkRemove(batch.map((d) => d.key));
      confirmed += batch.length;
    }
    return confirmed;
  }

  const log: AccessLog = {
    async record(event) {
      const user = o.session.current().user;
      if (!user || !event.complaintIds.length) return;
      const nowMs = o.now();
      if (event.action === 'view' && event.complaintIds.length === 1) {
        const key = `${user.id}\u0000${event.complaintIds[0]}`;
        const last = lastView.get(key);
        if (last !== undefined && nowMs - last < VIEW_DEDUPE_MS) return;
        lastView.set(key, nowMs);
      }
      const ids = [...new Set(event.complaintIds)];
      const docs = [];
      for (let i = 0; i < ids.length; i += MAX_ACCESS_IDS) {
        const record: AccessRecord = {
          id: uuidv7(),
          action: event.action,
          complaintIds: ids.slice(i, i + MAX_ACCESS_IDS),
          ...(event.fields ? { fields: [...event.fields] } : {}),
          ...(event.report ? { report: event.report } : {}),
          at: new Date(nowMs).toISOString(),
          workstationId: o.workstationId,
        };
        docs.push({ key: `${PREFIX}${record.id}`, value: { userId: user.id, record } satisfies PendingRecord });
      }
      await o.local.bulkInsert(docs);
      void log.flush().catch(() => undefined);
    },
    flush() {
      if (stopped) return Promise.resolve(0);
      // One upload at a time; a record made meanwhile goes with the next one.
      flushing ??= upload().finally(() => {
        flushing = null;
      });
      return flushing;
    },
    async pendingCount() {
      return (await pendingDocs()).length;
    },
    stop() {
      stopped = true;
      sub?.unsubscribe();
    },
  };
  const sub = o.synced$?.subscribe(() => void log.flush().catch(() => undefined));
  return log;
}
