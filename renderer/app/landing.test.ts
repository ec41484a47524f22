import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { scopesFor } from './default-scope';
import { landingScreen, landsAfterSignIn, queueScope } from './landing';
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

  it('lands unless the address changed while the sign-in ran: a deep link opened meanwhile wins, even to the screen left open', () => {
    expect(landsAfterSignIn({ hashBefore: '#/queue', hashNow: '#/queue', screenNow: 'queue', landing: 'reports' })).toBe(true);
    expect(landsAfterSignIn({ hashBefore: '#/queue', hashNow: '#/queue/c-1', screenNow: 'queue', landing: 'reports' })).toBe(false);
    expect(landsAfterSignIn({ hashBefore: '#/queue', hashNow: '#/settings', screenNow: 'settings', landing: 'reports' })).toBe(false);
    expect(landsAfterSignIn({ hashBefore: '#/queue', hashNow: '#/reports', screenNow: 'reports', landing: 'reports' })).toBe(true);
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
