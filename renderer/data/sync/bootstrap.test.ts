import { describe, expect, it } from 'vitest';
import { progressOf } from './bootstrap';

describe('first sync progress', () => {
  const total = { complaints: 10_000, events: 55_000 };

  it('estimates the time left from this run’s rate of events', () => {
    // 11,000 events in 10 s: 44,000 left take 40 s.
    expect(progressOf({ complaints: 2000, events: 11_000, total }, 0, 0, 10_000)).toEqual({
      complaints: 2000,
      events: 11_000,
      totalComplaints: 10_000,
      totalEvents: 55_000,
      msLeft: 40_000,
    });
  });

  it('counts only what this run brought when it resumed one before, and says nothing before a page arrived', () => {
    expect(progressOf({ complaints: 2000, events: 11_000, total }, 0, 5500, 10_000).msLeft).toBe(80_000);
    expect(progressOf({ complaints: 0, events: 0, total }, 0, 0, 0).msLeft).toBeNull();
    expect(progressOf({ complaints: 0, events: 0, total: null }, 0, 0, 5).totalEvents).toBe(0);
  });
});
