import type { MigrationStrategies } from 'rxdb';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { toComplaintDoc } from '../projection/complaint-doc';

/**
 * One entry per schema version above 0, per collection: `{ 1: (old) => new }`.
 * Events are the record and must migrate losslessly. The complaints
 * projection is derived: its documents are recomputed from the projection
 * they hold (dropping one, returning null, would leave it out until the
 * projector refolds that complaint).
 */
export const migrationStrategies: Record<'events' | 'complaints' | 'reference' | 'local', MigrationStrategies> = {
  events: {},
  complaints: {
    // 1: the `open` and `recency` keys and their indexes; the stored projection without its event list.
    // Its phone key is the clear one (toComplaintDoc's default): version 0 replicas predate the keyed
    // index, and the projector rewrites every complaint when its recorded phone key differs. A later
    // version's strategy runs on keyed replicas too and must not write their phone digits in the clear.
    1: (old: { p: ComplaintProjection }) => toComplaintDoc(old.p),
  },
  reference: {},
  local: {},
};
