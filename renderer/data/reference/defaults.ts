import { defaultPolicy } from '../../../shared/policy/policy';
import { calendarFromPolicy } from '../../../shared/calendar/calendar';
import type { Reference } from '../types/reference';
import { directoryUsers } from './parse-reference';

/** What a workstation uses before its first reference pull: the shipped policy and the national calendar. */
export function defaultReference(): Reference {
  return {
    users: directoryUsers([], undefined),
    branches: [],
    teams: [],
    policy: defaultPolicy,
    calendar: calendarFromPolicy(defaultPolicy),
    scripts: [],
    pulledAt: null,
  };
}
