import type { Migration } from './index';

/**
 * Shortens the part of a push that runs under the sequence lock to the feed
 * insert: events and projections are written before it. An event's `seq` is
 * then the feed sequence of its origin row (looked up, no longer copied), and
 * complaints are ordered for listing by their own sequence.
 */
export const shortSequenceSection: Migration = {
  version: 3,
  name: 'short-sequence-section',
  sql: `
create sequence complaint_order_seq;
select setval('complaint_order_seq', (select coalesce(max(first_seq), 0) + 1 from complaints), false);
alter table complaints alter column first_seq set default nextval('complaint_order_seq');
alter table complaints alter column last_seq drop not null;
alter table events alter column seq drop not null;
create index feed_origin_event on feed (event_id) where origin;
`,
};
