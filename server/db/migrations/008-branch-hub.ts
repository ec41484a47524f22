import type { Migration } from './index';

/**
 * Branch hubs. On central: which hub relayed an event (`relayed_by`), and
 * each hub's last check-in (`hub_contacts`), which admins and supervisors
 * see. On a hub: each event's state upstream (`upstream`: pending until
 * central has decided it, then confirmed or rejected; null for events that
 * came from central or are not relayed), and the hub's durable link state
 * (`hub_state`: its pull checkpoint at central, last sync).
 */
export const branchHub: Migration = {
  version: 8,
  name: 'branch-hub',
  sql: `
alter table events add column relayed_by text;
alter table events add column upstream text check (upstream in ('pending', 'confirmed', 'rejected'));
create index events_upstream_pending on events (id) where upstream = 'pending';

create table hub_contacts (
  user_id text primary key references users(id),
  last_contact_at timestamptz not null,
  pending_up integer not null
);

create table hub_state (
  key text primary key,
  value text not null
);
`,
};
