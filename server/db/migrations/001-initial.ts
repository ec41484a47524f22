import type { Migration } from './index';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
create table branches (
  id text primary key,
  name text not null,
  name_en text,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table teams (
  id text primary key,
  branch_id text not null references branches(id),
  name text not null,
  lead_id text,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  username text not null unique,
  display_name text not null,
  role text not null,
  branch_id text references branches(id),
  team_id text references teams(id),
  job_number text,
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Only a hash of each bearer token is kept: a copy of the database grants no sessions.
create table auth_tokens (
  token_hash text primary key,
  user_id text not null references users(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index auth_tokens_user on auth_tokens (user_id);

-- One sequence orders the whole feed; values are taken under a transaction
-- lock so commit order equals sequence order (see docs/protocol.md).
create sequence feed_seq;

-- Every pushed event, accepted or rejected, as it arrived (server fields apart).
create table events (
  id text primary key,
  seq bigint not null unique,
  complaint_id text,
  type text,
  status text not null check (status in ('accepted', 'rejected')),
  reason_code text,
  reason_message text,
  pushed_by text not null,
  received_at text not null,
  doc text not null
);
create index events_complaint on events (complaint_id, seq) where status = 'accepted';

-- Who sees which event from which point: one origin row per event, plus rows
-- that re-announce a transferred complaint's history to its new branch.
create table feed (
  fseq bigint primary key,
  event_id text not null,
  branch_id text,
  pushed_by text not null,
  accepted boolean not null,
  origin boolean not null
);
create index feed_branch on feed (branch_id, fseq) where accepted;
create index feed_rejected on feed (pushed_by, fseq) where not accepted;
create index feed_origin_accepted on feed (fseq) where origin and accepted;

-- The server's projection: the shared fold of each complaint's accepted events.
create table complaints (
  id text primary key,
  branch_id text not null,
  number text,
  status text,
  grade integer,
  category text,
  assignee_id text,
  escalation_level integer,
  first_seq bigint not null,
  last_seq bigint not null,
  -- Earliest due time of a running clock (the overdue filter), and of a
  -- running clock not yet escalated for its breach (the deadline watcher).
  next_due timestamptz,
  watch_due timestamptz,
  projection text not null
);
create index complaints_branch_first on complaints (branch_id, first_seq desc);
create index complaints_first on complaints (first_seq desc);
create index complaints_next_due on complaints (next_due) where next_due is not null;
create index complaints_watch_due on complaints (watch_due) where watch_due is not null;

create table settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

create table counters (
  name text primary key,
  value bigint not null
);
insert into counters (name, value) values ('reference', 1);

create table scripts (
  id text primary key,
  language text not null,
  scenario text not null,
  category text,
  title text not null,
  text text not null,
  sort integer not null default 0,
  disabled boolean not null default false,
  updated_at timestamptz not null default now()
);
`,
};
