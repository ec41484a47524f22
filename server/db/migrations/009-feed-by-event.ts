import type { Migration } from './index';

/**
 * Every feed row of an event, not only its origin: the bootstrap reads a page
 * of complaints' events and keeps those the caller's feed holds up to a
 * position, which for a branch user may be a re-announcement row.
 */
export const feedByEvent: Migration = {
  version: 9,
  name: 'feed-by-event',
  sql: `create index feed_event on feed (event_id);`,
};
