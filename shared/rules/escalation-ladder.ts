import type { Role } from '../roles';
import type { Policy } from '../policy/policy';
import type { EscalationLevel, Grade } from '../events/fields';
import { ESCALATION_LEVELS } from '../events/fields';

export const TOP_LEVEL: EscalationLevel = 4;

export function roleForLevel(policy: Policy, level: EscalationLevel): Role {
  const rung = policy.escalation.ladder[level];
  if (!rung) throw new RangeError(`no rung ${level} on the ladder`);
  return rung.role;
}

/** The rung a role stands on; undefined for roles off the ladder (quality manager, admin). */
export function levelForRole(policy: Policy, role: Role): EscalationLevel | undefined {
  return policy.escalation.ladder.find((r) => r.role === role)?.level;
}

/** One rung up; null at the top. */
export function nextLevel(level: EscalationLevel): EscalationLevel | null {
  return level >= TOP_LEVEL ? null : ((level + 1) as EscalationLevel);
}

/** The rung that handles a complaint of this grade (general → agent, important → supervisor, urgent → director, repeat → officer). */
export function handlerLevelForGrade(policy: Policy, grade: Grade): EscalationLevel {
  return policy.escalation.handlerLevelByGrade[grade];
}

/**
 * Where a (re)graded complaint should stand: at least its grade's handler
 * rung, never lower than it already is (escalation only goes up). Null when
 * no escalation is needed.
 */
export function gradeEscalationTarget(
  policy: Policy,
  current: EscalationLevel,
  grade: Grade,
): EscalationLevel | null {
  const target = handlerLevelForGrade(policy, grade);
  return target > current ? target : null;
}

/**
 * Where a breach takes the complaint: one rung up, or stays at the top
 * (the breach is still recorded there).
 */
export function breachEscalationTarget(current: EscalationLevel): EscalationLevel {
  return nextLevel(current) ?? current;
}

export const escalationLadder = {
  levels: ESCALATION_LEVELS,
  roleForLevel,
  levelForRole,
  nextLevel,
  handlerLevelForGrade,
  gradeEscalationTarget,
  breachEscalationTarget,
} as const;
