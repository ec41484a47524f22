import type { RxJsonSchema } from 'rxdb';
import type { ComplaintProjection } from '../../../shared/fold/projection';

/**
 * The local projection (never replicated): the shared fold's result in `p`,
 * plus flat, always-present copies of what the queues filter and sort on so
 * Dexie can index them. "No value" is stored as a sentinel that sorts last.
 */
export interface ComplaintDoc {
  id: string;
  number: string;
  branchId: string;
  status: string;
  grade: number;
  category: string;
  /** assignee, else the person who registered it: whose queue it sits in. */
  ownerId: string;
  assigneeId: string;
  /** Handling deadline (ISO, UTC) or NO_DEADLINE. */
  handlingDue: string;
  /** The nearest open clock (ISO, UTC) or NO_DEADLINE. */
  nextDue: string;
  /** Which clock nextDue belongs to ('' when none). */
  nextClock: string;
  updatedAt: string;
  createdAt: string;
  escalationLevel: number;
  /** The complainant's phone as digits only, for the repeat check. */
  phoneDigits: string;
  /** The last HLC folded in: an event stamped earlier than this arrived late. */
  lastHlc: string;
  p: ComplaintProjection;
}

/** Sorts after every real ISO time. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const complaintsSchema: RxJsonSchema<ComplaintDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: str(64),
    number: str(64),
    branchId: str(64),
    status: str(32),
    grade: { type: 'integer', minimum: 0, maximum: 9, multipleOf: 1 },
    category: str(32),
    ownerId: str(64),
    assigneeId: str(64),
    handlingDue: str(30),
    nextDue: str(30),
    nextClock: str(40),
    updatedAt: str(30),
    createdAt: str(30),
    escalationLevel: { type: 'integer', minimum: 0, maximum: 9, multipleOf: 1 },
    phoneDigits: str(40),
    lastHlc: str(64),
    p: { type: 'object' },
  },
  required: [
    'id', 'number', 'branchId', 'status', 'grade', 'category', 'ownerId', 'assigneeId', 'handlingDue',
    'nextDue', 'nextClock', 'updatedAt', 'createdAt', 'escalationLevel', 'phoneDigits', 'lastHlc', 'p',
  ],
  indexes: [
    'number',
    'updatedAt',
    'nextDue',
    ['phoneDigits', 'createdAt'],
    ['branchId', 'status', 'nextDue'],
    ['branchId', 'updatedAt'],
    ['ownerId', 'status', 'nextDue'],
    ['ownerId', 'updatedAt'],
    ['status', 'nextDue'],
    ['status', 'updatedAt'],
  ],
};
