import type { RxJsonSchema } from 'rxdb';
import type { RejectReason } from '../../../shared/events/envelope';

/**
 * The replicated log. Mirrors the protocol's event; `status` is 'pending'
 * locally until the server answers (the push strips it), so the outbox is an
 * indexed query rather than a scan.
 */
export type LocalEventStatus = 'pending' | 'accepted' | 'rejected';

export interface EventDoc {
  id: string;
  complaintId: string;
  type: string;
  actorId: string;
  branchId: string;
  hlc: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  v: number;
  status: LocalEventStatus;
  seq?: number;
  receivedAt?: string;
  reason?: RejectReason;
}

export const eventsSchema: RxJsonSchema<EventDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    complaintId: { type: 'string', maxLength: 64 },
    type: { type: 'string', maxLength: 64 },
    actorId: { type: 'string', maxLength: 64 },
    branchId: { type: 'string', maxLength: 64 },
    hlc: { type: 'string', maxLength: 64 },
    occurredAt: { type: 'string', maxLength: 40 },
    payload: { type: 'object' },
    v: { type: 'integer' },
    status: { type: 'string', enum: ['pending', 'accepted', 'rejected'], maxLength: 10 },
    seq: { type: 'integer' },
    receivedAt: { type: 'string', maxLength: 40 },
    reason: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
  required: ['id', 'complaintId', 'type', 'actorId', 'branchId', 'hlc', 'occurredAt', 'payload', 'v', 'status'],
  indexes: [
    ['complaintId', 'hlc'],
    ['status', 'hlc'],
  ],
};
