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
  /** 1 while the complaint is being worked on (OPEN_STATUSES), else 0: the queues' usual status filter as one indexed key. */
  open: number;
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
  /** updatedAt inverted (recencyOf), so "most recently updated first" is an ascending index walk. */
  recency: string;
  createdAt: string;
  escalationLevel: number;
  /** The complainant's phone as digits only, for the repeat check; a keyed hash of them where the replica is encrypted (search/blind-tokens.ts). */
  phoneDigits: string;
  /** The last HLC folded in: an event stamped earlier than this arrived late. */
  lastHlc: string;
  /** The shared fold's projection; its `events` holds only the few events reports read (storedProjection). */
  p: ComplaintProjection;
}

/**
 * The fold's open statuses (not ended, created): every complaint with a
 * running clock is open, so a deadline range never needs the closed ones.
 */
export { OPEN_STATUSES, isOpenStatus } from '../../../shared/fold/open-statuses';

/** Sorts after every real ISO time. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

const str = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const complaintsSchema: RxJsonSchema<ComplaintDoc> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: str(64),
    number: str(64),
    branchId: str(64),
    status: str(32),
    open: { type: 'integer', minimum: 0, maximum: 1, multipleOf: 1 },
    grade: { type: 'integer', minimum: 0, maximum: 9, multipleOf: 1 },
    category: str(32),
    ownerId: str(64),
    assigneeId: str(64),
    handlingDue: str(30),
    nextDue: str(30),
    nextClock: str(40),
    updatedAt: str(30),
    recency: str(13),
    createdAt: str(30),
    escalationLevel: { type: 'integer', minimum: 0, maximum: 9, multipleOf: 1 },
    phoneDigits: str(40),
    lastHlc: str(64),
    p: { type: 'object' },
  },
  required: [
    'id', 'number', 'branchId', 'status', 'open', 'grade', 'category', 'ownerId', 'assigneeId', 'handlingDue',
    'nextDue', 'nextClock', 'updatedAt', 'recency', 'createdAt', 'escalationLevel', 'phoneDigits', 'lastHlc', 'p',
  ],
  // Each queue query is answered by an index that bounds its range and gives its order, so the
  // storage stops after one page: (scope, open or status, nextDue | recency). See queue-plan.ts.
  indexes: [
    'number',
    'nextDue',
    ['phoneDigits', 'createdAt'],
    ['open', 'nextDue'],
    ['open', 'recency'],
    ['branchId', 'open', 'nextDue'],
    ['branchId', 'open', 'recency'],
    ['ownerId', 'open', 'nextDue'],
    ['ownerId', 'open', 'recency'],
    ['status', 'nextDue'],
    ['branchId', 'status', 'nextDue'],
    ['ownerId', 'status', 'nextDue'],
  ],
};
