import { z } from 'zod';
import type { StoredEvent } from '../events/envelope';
import { wholeNumberParam } from './query-params';
import { storedIdSchema } from './stored-text';

/**
 * The sync protocol's event documents as they travel (push, pull, stream,
 * lookup). Only what every reader relies on is checked here: an event that
 * the server stored rejected may have any broken payload, so the envelope
 * proper is checked where events are accepted (`validateEvent`), not on the wire.
 */
export const eventStatusSchema = z.enum(['accepted', 'rejected']);

export const rejectReasonSchema = z.object({ code: z.string(), message: z.string() });
export type WireRejectReason = z.infer<typeof rejectReasonSchema>;

export const wireEventSchema = z.looseObject({
  id: z.string().min(1),
  seq: z.number().optional(),
  receivedAt: z.string().optional(),
  status: eventStatusSchema.optional(),
  reason: rejectReasonSchema.optional(),
}) as unknown as z.ZodType<StoredEvent>;

export const checkpointSchema = z.object({ seq: z.number().int().min(0) });
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** `GET /api/sync/events/pull?seq=&limit=`: the documents after checkpoint `seq` (default 0), at most `limit` (the server caps it). */
export const pullQuerySchema = z.object({ seq: wholeNumberParam(0), limit: wholeNumberParam(1) });
export type PullQuery = z.infer<typeof pullQuerySchema>;

/**
 * `GET /api/sync/events/pull` and each documents message of the stream. A
 * pull also carries the server's clock (`serverTime`, ISO), which workstations
 * stamp their HLC against.
 */
export const pullPageSchema = z.object({
  documents: z.array(wireEventSchema),
  checkpoint: checkpointSchema,
  serverTime: z.string().optional(),
});
export type PullPage = z.infer<typeof pullPageSchema>;

/** One RxDB push row. */
export const pushRowSchema = z.object({
  assumedMasterState: wireEventSchema.nullable().optional(),
  newDocumentState: wireEventSchema,
});
export type PushRow = z.infer<typeof pushRowSchema>;

/** The protocol's bounds of one push request. */
export const MAX_PUSH_ROWS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;

/** The answer to a push: the documents the client must take as master state. */
export const pushAnswerSchema = z.array(wireEventSchema);
export type PushAnswer = z.infer<typeof pushAnswerSchema>;

/** `POST /api/sync/events/lookup` (extension): the stored state of events by id. */
export const MAX_LOOKUP_IDS = MAX_PUSH_ROWS;
export const lookupRequestSchema = z.object({ ids: z.array(storedIdSchema).max(MAX_LOOKUP_IDS) });
export type LookupRequest = z.infer<typeof lookupRequestSchema>;
export const lookupAnswerSchema = z.object({ documents: z.array(wireEventSchema) });
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;

/** The data of one stream message: a page of documents, or "pull again, continuity is uncertain". */
export const RESYNC = 'RESYNC' as const;
export const streamMessageSchema = z.union([z.literal(RESYNC), pullPageSchema]);
export type StreamMessage = z.infer<typeof streamMessageSchema>;

/** A stream message's data text, or null for anything this build does not understand (skipped, never fatal). */
export function parseStreamMessage(data: string): StreamMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = streamMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
