import type { Policy } from '../../../shared/policy/policy';
import type { WorkCalendar } from '../../../shared/calendar/calendar';
import type { ReferenceUser, ReferenceBranch, ReferenceTeam, ReferenceScript } from '../../../shared/protocol/reference';

export type { ReferenceUser, ReferenceBranch, ReferenceTeam, ReferenceScript };

/** Server-authoritative data that replicates down only. */
export interface Reference {
  users: ReferenceUser[];
  branches: ReferenceBranch[];
  teams: ReferenceTeam[];
  policy: Policy;
  calendar: WorkCalendar;
  scripts: ReferenceScript[];
  /** ISO time of the last successful reference pull; null before the first one (defaults in use). */
  pulledAt: string | null;
}
