import type { MigrationStrategies } from 'rxdb';

/**
 * One entry per schema version above 0, per collection: `{ 1: (old) => new }`.
 * Events are the record and must migrate losslessly. The complaints
 * projection may instead drop its documents (return null): the projector
 * refolds every complaint from the events when its fold version changes.
 */
export const migrationStrategies: Record<'events' | 'complaints' | 'reference' | 'local', MigrationStrategies> = {
  events: {},
  complaints: {},
  reference: {},
  local: {},
};
