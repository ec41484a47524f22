import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { allowedScreens, navItemsFor } from './nav-items';

describe('navItemsFor', () => {
  it('gives every role "New complaint" and "Queue" first', () => {
    for (const role of ROLES) {
      expect(navItemsFor(role).slice(0, 2).map((i) => i.name)).toEqual(['New complaint', 'Queue']);
    }
  });
  it('gives callbacks to team leads only', () => {
    for (const role of ROLES) expect(allowedScreens(role).includes('callbacks')).toBe(role === 'team_lead');
  });
  it('gives review to officers and the supervisor view to supervisors and directors', () => {
    expect(allowedScreens('complaint_officer')).toContain('review');
    expect(allowedScreens('agent')).not.toContain('review');
    expect(allowedScreens('supervisor')).toContain('supervisor');
    expect(allowedScreens('director')).toContain('supervisor');
    expect(allowedScreens('team_lead')).not.toContain('supervisor');
  });
  it('gives reports to managers, not to agents or leads', () => {
    expect(allowedScreens('quality_manager')).toContain('reports');
    expect(allowedScreens('director')).toContain('reports');
    expect(allowedScreens('agent')).not.toContain('reports');
    expect(allowedScreens('team_lead')).not.toContain('reports');
  });
  it('names the team screen for what it holds', () => {
    expect(navItemsFor('team_lead').find((i) => i.screen === 'team')?.name).toBe('Team queue');
    expect(navItemsFor('supervisor').find((i) => i.screen === 'team')?.name).toBe('Branch queue');
    expect(navItemsFor('agent').some((i) => i.screen === 'team')).toBe(false);
  });
  it('gives the access log to admins and quality managers, erasure to admins only', () => {
    for (const role of ROLES) {
      expect(allowedScreens(role).includes('accessLog'), role).toBe(role === 'admin' || role === 'quality_manager');
      expect(allowedScreens(role).includes('erasure'), role).toBe(role === 'admin');
    }
  });
  it('never lists a screen twice', () => {
    for (const role of ROLES) {
      const screens = allowedScreens(role);
      expect(new Set(screens).size, role).toBe(screens.length);
    }
  });
});
