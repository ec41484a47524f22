import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './route';

describe('hash routes', () => {
  it('reads a screen and an open complaint', () => {
    expect(parseHash('#/queue/abc-1')).toEqual({ screen: 'queue', complaintId: 'abc-1' });
    expect(parseHash('#/new')).toEqual({ screen: 'new', complaintId: null });
  });
  it('refuses unknown screens', () => {
    expect(parseHash('#/admin-secrets')).toBeNull();
    expect(parseHash('')).toBeNull();
  });
  it('round-trips ids with unusual characters', () => {
    const route = { screen: 'review' as const, complaintId: 'a/b c' };
    expect(parseHash(formatHash(route))).toEqual(route);
  });
});
