import { z } from 'zod';

/**
 * The replicated event document of the sync protocol. The payload is checked
 * per type by the catalogue; here only the envelope is.
 */
export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

export const eventEnvelopeSchema = z.object({
  id: z.string().min(1).max(64),
  complaintId: z.string().min(1).max(64),
  type: z.string().min(1).max(64).regex(/^[a-z_]+(\.[a-z_]+)+$/),
  actorId: z.string().min(1).max(64),
  branchId: z.string().min(1).max(64),
  hlc: z.string().regex(HLC_PATTERN),
  occurredAt: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
  v: z.number().int().min(1).max(1000),
  _deleted: z.literal(false),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export type EventStatus = 'accepted' | 'rejected';

export interface RejectReason {
  code: string;
  message: string;
}

/** An event as the server stores it and pull returns it. */
export interface StoredEvent extends EventEnvelope {
  seq?: number;
  receivedAt?: string;
  status?: EventStatus;
  reason?: RejectReason;
}

/** Fields the server sets; they never take part in "same content" comparisons. */
export const SERVER_FIELDS = ['seq', 'receivedAt', 'status', 'reason'] as const;
