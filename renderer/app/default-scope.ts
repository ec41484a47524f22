import type { Role } from '../../shared/roles';
import { seesAllBranches } from '../../shared/roles';
import type { QueueScope } from '../data/types/queue';

/** The scopes a role may choose in the queue, narrowest first. */
export function scopesFor(role: Role): QueueScope[] {
  if (role === 'agent') return ['mine'];
  if (role === 'team_lead') return ['mine', 'team', 'branch'];
  if (seesAllBranches(role)) return ['mine', 'branch', 'all'];
  return ['mine', 'branch'];
}

/** The team / branch screen's scope: the lead's team, everyone else's branch (directors: all). */
export function wideScope(role: Role): QueueScope {
  if (role === 'team_lead') return 'team';
  return seesAllBranches(role) ? 'all' : 'branch';
}
