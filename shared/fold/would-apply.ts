import type { EventEnvelope } from '../events/envelope';
import type { FoldContext } from './context';
import { judge } from './fold';
import { draftOf, type ComplaintProjection } from './projection';
import type { Verdict } from './steps/verdict';

/**
 * What the fold would say of one more event on this complaint, without
 * changing it: the same verdict a replica and the server reach when the
 * event lands after the complaint's current events.
 */
export function wouldApply(p: ComplaintProjection, event: EventEnvelope, ctx: FoldContext): Verdict {
  return judge(draftOf(p), event, ctx);
}
