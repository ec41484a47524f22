import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { scopesFor, wideScope } from './default-scope';

describe('queue scopes', () => {
  it('keeps agents to their own complaints', () => {
    expect(scopesFor('agent')).toEqual(['mine']);
  });
  it('gives every other role a wider scope that it may choose', () => {
    for (const role of ROLES) {
      if (role === 'agent') continue;
      expect(scopesFor(role), role).toContain(wideScope(role));
    }
  });
  it('offers all branches only to those who see them', () => {
    expect(scopesFor('director')).toContain('all');
    expect(scopesFor('supervisor')).not.toContain('all');
  });
});
