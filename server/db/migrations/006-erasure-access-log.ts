import type { Migration } from './index';

/**
 * Erasure that erases, and the audit of access to personal data.
 *
 * `erasures`: one row per accepted complaint.redacted whose covered events
 * have been scrubbed in storage (and re-announced to the replicas); a
 * redaction without a row is still to be applied (see server/erasure).
 *
 * `access_log`: who viewed, printed or exported which complaints' personal
 * data, when, from which workstation. Nothing in it is personal beyond the
 * complaint ids.
 */
export const erasureAccessLog: Migration = {
  version: 6,
  name: 'erasure-access-log',
  sql: `
create table erasures (
  redaction_id text primary key,
  complaint_id text not null,
  applied_at timestamptz not null,
  scrubbed integer not null
);
create index erasures_complaint on erasures (complaint_id);
create index events_redactions on events (complaint_id) where type = 'complaint.redacted' and status = 'accepted';

create table access_log (
  n bigserial primary key,
  id text not null unique,
  user_id text not null,
  role text not null,
  user_branch_id text,
  workstation_id text not null,
  action text not null,
  detail text not null,
  complaint_ids text[] not null,
  complaint_count integer not null,
  at timestamptz not null,
  received_at timestamptz not null
);
create index access_log_at on access_log (at desc, n desc);
create index access_log_complaints on access_log using gin (complaint_ids);
`,
};
