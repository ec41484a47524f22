import type { Migration } from './index';

/**
 * On a branch hub: events the hub refused for the state it knew and central
 * then accepted (`overruled`). Their author was told "refused" when pushing;
 * if the complaint then leaves the branch, the hub keeps telling that author
 * what happened instead of dropping the event silently (refold-store.ts).
 */
export const hubOverruled: Migration = {
  version: 11,
  name: 'hub-overruled',
  sql: `alter table events add column overruled boolean not null default false;`,
};
