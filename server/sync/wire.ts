import { SERVER_FIELDS, type RejectReason } from '../../shared/events/envelope';

declare global {
  // ES2024 string methods, present in every Node this server supports (>= 20).
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/** Bounds of one push request (sync protocol). */
export { MAX_PUSH_ROWS, MAX_PUSH_BYTES as MAX_BODY_BYTES } from '../../shared/protocol/events';
import { MAX_PUSH_ROWS } from '../../shared/protocol/events';
import { isPlainObject } from '../../shared/json/is-plain-object';
/** Deeper documents are refused (and stored without their payload) so nothing downstream recurses without bound. */
export const MAX_DEPTH = 32;
/** Ids longer than the protocol's 64 are still stored (and rejected); beyond this they are not identifiable. */
export const MAX_STORABLE_ID = 200;

/** RxDB bookkeeping that is not part of an event's content. */
const CLIENT_META_FIELDS = ['_meta', '_rev', '_attachments'] as const;

export interface PushRow {
  id: string;
  /** The pushed document without server fields or replication metadata. */
  doc: Record<string, unknown>;
}

export class PushBodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** Text PostgreSQL can store and compare as it came: no NUL, no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

export function isIdentifiableId(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 1 && v.length <= MAX_STORABLE_ID && isStorableText(v);
}

/**
 * The only reasons a push fails as a whole: not a JSON array of rows whose
 * new document has an identifiable id (400), or too many rows (413).
 */
export function parsePushBody(body: unknown): PushRow[] {
  if (!Array.isArray(body)) throw new PushBodyError(400, 'The body must be a JSON array of push rows');
  if (body.length > MAX_PUSH_ROWS) throw new PushBodyError(413, `At most ${MAX_PUSH_ROWS} rows per request`);
  return body.map((row, i) => {
    if (!isPlainObject(row) || !isPlainObject(row.newDocumentState)) {
      throw new PushBodyError(400, `Row ${i} has no newDocumentState object`);
    }
    const doc = row.newDocumentState;
    if (!isIdentifiableId(doc.id)) throw new PushBodyError(400, `Row ${i} has no identifiable id`);
    const dropped: readonly string[] = [...SERVER_FIELDS, ...CLIENT_META_FIELDS];
    // fromEntries defines properties, so a key named "__proto__" stays plain data.
    const clean = Object.fromEntries(Object.entries(doc).filter(([k]) => !dropped.includes(k)));
    return { id: doc.id, doc: clean };
  });
}

/** Nesting depth, counted without recursion so hostile input cannot exhaust the stack. */
export function depthOf(value: unknown, limit: number = MAX_DEPTH + 1): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (max >= limit) return max;
    if (typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) {
        if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
      }
    }
  }
  return max;
}

/**
 * What is stored for a document too deep to keep whole: its top-level
 * scalar fields, so the author still sees which event was refused.
 */
export function shallowCopy(doc: Record<string, unknown>): Record<string, unknown> {
  const out = Object.fromEntries(Object.entries(doc).filter(([, v]) => typeof v !== 'object' || v === null));
  return { ...out, payload: {} };
}

export function cleanText(s: string, max: number): string {
  const t = s.replaceAll('\u0000', '\uFFFD').toWellFormed();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The stored document plus the server's fields. Documents are kept as
 * canonical JSON text, so appending fields is a string operation and a pull of
 * a thousand events never re-parses them.
 */
export function documentJson(
  doc: string,
  seq: number,
  receivedAt: string,
  status: 'accepted' | 'rejected',
  reason: RejectReason | null,
): string {
  const extra = `"seq":${seq},"receivedAt":${JSON.stringify(receivedAt)},"status":"${status}"${
    reason ? `,"reason":${JSON.stringify({ code: reason.code, message: reason.message })}` : ''
  }`;
  return doc === '{}' ? `{${extra}}` : `${doc.slice(0, -1)},${extra}}`;
}
