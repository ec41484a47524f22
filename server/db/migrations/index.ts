import { initial } from './001-initial';
import { soothingScripts } from './002-soothing-scripts';
import { shortSequenceSection } from './003-short-sequence-section';
import { workstationsRefoldLimits } from './004-workstations-refold-limits';
import { pushStateGuard } from './005-push-state-guard';
import { erasureAccessLog } from './006-erasure-access-log';
import { usernamesIgnoreCase } from './007-usernames-ignore-case';
import { branchHub } from './008-branch-hub';
import { feedByEvent } from './009-feed-by-event';
import { scriptAudience } from './010-script-audience';
import { hubOverruled } from './011-hub-overruled';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  soothingScripts,
  shortSequenceSection,
  workstationsRefoldLimits,
  pushStateGuard,
  erasureAccessLog,
  usernamesIgnoreCase,
  branchHub,
  feedByEvent,
  scriptAudience,
  hubOverruled,
];
