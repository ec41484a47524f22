import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { scopesFor } from './default-scope';
import { landingScreen, queueScope } from './landing';
import { allowedScreens } from './nav-items';

describe('landing after sign-in', () => {
  it('leads each role to its work', () => {
    expect(landingScreen('agent')).toBe('new');
    expect(landingScreen('team_lead')).toBe('callbacks');
    expect(landingScreen('complaint_officer')).toBe('review');
    expect(landingScreen('supervisor')).toBe('team');
    expect(landingScreen('quality_manager')).toBe('reports');
    expect(landingScreen('director')).toBe('reports');
  });

  it('only ever lands on a screen the role may open', () => {
    for (const role of ROLES) expect(allowedScreens(role), role).toContain(landingScreen(role));
  });

  it('starts a supervisor’s Queue on the branch, not on their own (empty) list', () => {
    expect(queueScope('supervisor')).toBe('branch');
    expect(queueScope('agent')).toBe('mine');
    for (const role of ROLES) expect(scopesFor(role), role).toContain(queueScope(role));
  });
});
