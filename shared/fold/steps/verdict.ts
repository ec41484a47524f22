import type { EventEnvelope } from '../../events/envelope';
import type { EventType, PayloadOf } from '../../events/catalogue';
import type { ComplaintProjection, ComplaintStatus } from '../projection';
import type { FoldContext } from '../context';

export type Verdict = { state: 'applied' } | { state: 'superseded' | 'invalid'; why: string };

export const APPLIED: Verdict = { state: 'applied' };
export const superseded = (why: string): Verdict => ({ state: 'superseded', why });
export const invalid = (why: string): Verdict => ({ state: 'invalid', why });

/** An event whose payload has been checked against its type's schema. */
export type CheckedEvent<T extends EventType> = Omit<EventEnvelope, 'payload' | 'type'> & {
  type: T;
  payload: PayloadOf<T>;
};

/**
 * A step checks first and changes the draft only when it applies the event,
 * so a superseded or invalid event leaves the state exactly as it was.
 */
export type Step<T extends EventType> = (draft: ComplaintProjection, event: CheckedEvent<T>, ctx: FoldContext) => Verdict;

export function notNow(status: ComplaintStatus, what: string): Verdict {
  return invalid(`${what} is not possible while the complaint is ${status.replaceAll('_', ' ')}`);
}
