import { z } from 'zod';
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
import { storedIdSchema } from '../../shared/protocol/stored-text';
/** Deeper documents are refused (and stored without their payload) so nothing downstream recurses without bound. */
export const MAX_DEPTH = 32;

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

export { isStorableText, MAX_STORED_ID as MAX_STORABLE_ID } from '../../shared/protocol/stored-text';

export function isIdentifiableId(v: unknown): v is string {
  return storedIdSchema.safeParse(v).success;
}

export const TOO_MANY_ROWS = `At most ${MAX_PUSH_ROWS} rows per request`;

/**
 * What a push must be to be taken at all: a JSON array of RxDB push rows
 * (shared/protocol pushRowSchema), each new document with an identifiable
 * id. Nothing else of a document is judged here: a malformed event is stored
 * rejected with its reason, which its author pulls, rather than refused.
 */
export const pushBodySchema = z
  .array(z.looseObject({ newDocumentState: z.looseObject({ id: storedIdSchema }) }))
  .max(MAX_PUSH_ROWS)
  .describe('RxDB push rows; each newDocumentState is an event, checked after it arrives (a malformed one is stored rejected)');

/** Each row's document without server fields or replication metadata. */
export function pushRows(rows: readonly { newDocumentState: { id: string } & Record<string, unknown> }[]): PushRow[] {
  const dropped: readonly string[] = [...SERVER_FIELDS, ...CLIENT_META_FIELDS];
  return rows.map(({ newDocumentState: doc }) => ({
    id: doc.id,
    // fromEntries defines properties, so a key named "__proto__" stays plain data.
    doc: Object.fromEntries(Object.entries(doc).filter(([k]) => !dropped.includes(k))),
  }));
}

/**
 * A push body judged by `pushBodySchema` (400), with more than
 * `MAX_PUSH_ROWS` rows refused as too large (413), as push answers them.
 * The rows are taken from the body as it came, not from the schema's copy.
 */
export function parsePushBody(body: unknown): PushRow[] {
  if (Array.isArray(body) && body.length > MAX_PUSH_ROWS) throw new PushBodyError(413, TOO_MANY_ROWS);
  const parsed = pushBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PushBodyError(400, `Not push rows with identifiable ids${issue ? ` (at ${issue.path.join('.') || 'the body'}: ${issue.message})` : ''}`);
  }
  return pushRows(body as Parameters<typeof pushRows>[0]);
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
