import { describe, expect, it } from 'vitest';
import { eventSyncState } from './event-sync-state';

const hub = { connected: true, lastSyncAt: null, pendingUp: 1, confirmedThrough: 10 };

describe('eventSyncState', () => {
  it('is synced, pending or rejected as the event stands when the server is not a hub', () => {
    expect(eventSyncState('accepted', 99, null)).toBe('synced');
    expect(eventSyncState('pending', undefined, null)).toBe('pending');
    expect(eventSyncState('rejected', 3, hub)).toBe('rejected');
  });

  it('behind a hub, confirmed by central only up to what the hub says central decided', () => {
    expect(eventSyncState('accepted', 10, hub)).toBe('central');
    expect(eventSyncState('accepted', 11, hub)).toBe('at_hub');
    expect(eventSyncState('accepted', undefined, hub)).toBe('at_hub');
  });
});
