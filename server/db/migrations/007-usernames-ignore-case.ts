import type { Migration } from './index';

/**
 * Usernames are unique whatever their case: `Agent.GZ` and `agent.gz` would
 * be two accounts a person cannot tell apart at sign-in, which looks names up
 * ignoring case. The index also serves that lookup. A database already
 * holding two such names fails here: rename one (admin API) and start again.
 */
export const usernamesIgnoreCase: Migration = {
  version: 7,
  name: 'usernames-ignore-case',
  sql: `create unique index users_username_lower on users (lower(username));`,
};
