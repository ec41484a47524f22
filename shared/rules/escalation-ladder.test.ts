import { describe, expect, it } from 'vitest';
import {
  breachEscalationTarget,
  escalationLadder,
  gradeEscalationTarget,
  handlerLevelForGrade,
  levelForRole,
  nextLevel,
  roleForLevel,
} from './escalation-ladder';
import { defaultPolicy, parsePolicy } from '../policy/policy';

const p = defaultPolicy;

describe('escalation ladder: agent → team lead → complaint officer → supervisor → director', () => {
  it('maps levels to roles and back', () => {
    expect(escalationLadder.levels.map((l) => roleForLevel(p, l))).toEqual([
      'agent',
      'team_lead',
      'complaint_officer',
      'supervisor',
      'director',
    ]);
    for (const l of escalationLadder.levels) expect(levelForRole(p, roleForLevel(p, l))).toBe(l);
    expect(levelForRole(p, 'quality_manager')).toBeUndefined();
    expect(levelForRole(p, 'admin')).toBeUndefined();
  });

  it('goes one rung up and stops at the top', () => {
    expect(nextLevel(0)).toBe(1);
    expect(nextLevel(3)).toBe(4);
    expect(nextLevel(4)).toBeNull();
    expect(breachEscalationTarget(2)).toBe(3);
    expect(breachEscalationTarget(4)).toBe(4);
  });

  it('sends each grade to its handler: general agent, important supervisor, urgent director, repeat officer', () => {
    expect(handlerLevelForGrade(p, 1)).toBe(0);
    expect(handlerLevelForGrade(p, 2)).toBe(3);
    expect(handlerLevelForGrade(p, 3)).toBe(4);
    expect(handlerLevelForGrade(p, 4)).toBe(2);
  });

  it('escalates on grade only upward', () => {
    expect(gradeEscalationTarget(p, 0, 3)).toBe(4);
    expect(gradeEscalationTarget(p, 0, 1)).toBeNull();
    expect(gradeEscalationTarget(p, 3, 4)).toBeNull();
  });

  it('follows the policy', () => {
    const parsed = parsePolicy({ escalation: { handlerLevelByGrade: { '2': 2 } } });
    if (!parsed.ok) throw new Error('policy refused');
    expect(gradeEscalationTarget(parsed.policy, 0, 2)).toBe(2);
  });
});
