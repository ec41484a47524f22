import type { Policy } from '../policy/policy';
import type { WorkCalendar } from '../calendar/calendar';

/** What the fold reads besides the events: the policy pack and the working-day calendar. */
export interface FoldContext {
  policy: Policy;
  calendar: WorkCalendar;
}
