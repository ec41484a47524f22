import { z } from 'zod';

/**
 * The clocks a complaint runs against. `nextCallbackEarliest` is not among
 * them: it is the earliest moment the next callback attempt is allowed, not a
 * deadline that can be breached.
 */
export const DEADLINE_CLOCKS = [
  'acceptanceReview',
  'initialVerification',
  'handling',
  'callback',
  'writtenResult',
  'survey',
] as const;

export const deadlineClockSchema = z.enum(DEADLINE_CLOCKS);
export type DeadlineClock = z.infer<typeof deadlineClockSchema>;

/**
 * Whether a clock's rule counts working days (so time left is said in
 * working days): acceptance review, handling and the survey always do; the
 * 二解 callback does where the policy counts it in working days.
 */
export function countsWorkingDays(clock: DeadlineClock, policy: { secondResolution: { callbackDayCounting: 'calendar' | 'working' } }): boolean {
  if (clock === 'acceptanceReview' || clock === 'handling' || clock === 'survey') return true;
  return clock === 'callback' && policy.secondResolution.callbackDayCounting === 'working';
}
