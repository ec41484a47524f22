import { describe, expect, it } from 'vitest';
import { isSystemActor, SYSTEM_ACTOR, SYSTEM_ACTOR_ID } from './system-actor';

describe('the server writes as a system actor that has a name but no role', () => {
  it('names the breach-escalation writer in both languages', () => {
    expect(SYSTEM_ACTOR.id).toBe(SYSTEM_ACTOR_ID);
    expect(SYSTEM_ACTOR.displayName).toMatch(/System/);
    expect(SYSTEM_ACTOR.displayName).toMatch(/系统/);
    expect(Object.keys(SYSTEM_ACTOR)).not.toContain('role');
  });

  it('tells system actors from people', () => {
    expect(isSystemActor('system')).toBe(true);
    expect(isSystemActor('u-agent-gz')).toBe(false);
  });
});
