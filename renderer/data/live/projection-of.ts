import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { ComplaintDoc } from '../schema/complaints-schema';

/** The projection a screen shows (the internal event list stays in the database). */
export function projectionOf(doc: { toJSON(withMeta?: boolean): unknown } | ComplaintDoc): ComplaintProjection {
  const data = ('toJSON' in doc ? doc.toJSON() : doc) as ComplaintDoc;
  return data.p;
}
