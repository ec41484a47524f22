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
