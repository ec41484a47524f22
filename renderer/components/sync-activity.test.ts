import { describe, expect, it } from 'vitest';
import type { SyncState } from '../data/types/sync';
import { changesWaitLocally, syncActivity } from './sync-activity';

const s = (change: Partial<SyncState> = {}): SyncState => ({
  online: true, syncing: false, pending: 0, lastSyncedAt: null, authExpired: false, error: null, upstream: null, firstSync: null, ...change,
});

describe('syncActivity', () => {
  it('says syncing only while online', () => {
    expect(syncActivity(s({ syncing: true }), false)).toBe('syncing');
    expect(syncActivity(s({ syncing: true, online: false }), false)).toBe('reconnecting');
  });
  it('is idle when nothing is in flight', () => {
    expect(syncActivity(s(), false)).toBeNull();
    expect(syncActivity(s({ online: false }), false)).toBeNull();
  });
  it('is paused by an expired session, from either source, even mid-request', () => {
    expect(syncActivity(s({ authExpired: true, syncing: true }), false)).toBe('paused');
    expect(syncActivity(s(), true)).toBe('paused');
  });
});

describe('changesWaitLocally', () => {
  it('holds when changes wait and cannot leave', () => {
    expect(changesWaitLocally(s({ pending: 2, online: false }), false)).toBe(true);
    expect(changesWaitLocally(s({ pending: 2 }), true)).toBe(true);
  });
  it('does not hold with nothing waiting or a working connection', () => {
    expect(changesWaitLocally(s({ pending: 0, online: false }), false)).toBe(false);
    expect(changesWaitLocally(s({ pending: 2 }), false)).toBe(false);
  });
});
