import type { Migration } from './index';

/**
 * Workstation codes handed out by the server (unique per branch, so complaint
 * numbers made offline on two workstations can never collide); the policy
 * revision each stored projection was folded with (a policy change re-folds
 * the stale ones) and the columns the repeat-complaint check looks up; and
 * counters shared by every server process for rate limits.
 */
export const workstationsRefoldLimits: Migration = {
  version: 4,
  name: 'workstations-refold-limits',
  sql: `
create table workstations (
  branch_id text not null references branches(id),
  workstation_id text not null,
  code text not null,
  registered_by text not null,
  registered_at timestamptz not null default now(),
  primary key (branch_id, workstation_id),
  unique (branch_id, code)
);

-- Null until the projection is (re-)folded by this version: the server
-- re-folds such rows in the background at start, and whenever the policy
-- revision differs from the one a row was folded with.
alter table complaints add column folded_revision integer;
alter table complaints add column phone_digits text;
alter table complaints add column received_at timestamptz;
create index complaints_repeat on complaints (phone_digits, category, received_at) where phone_digits is not null;

create table rate_limits (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);
create index rate_limits_window on rate_limits (window_start);
`,
};
