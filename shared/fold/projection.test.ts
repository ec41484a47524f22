import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, emptyProjection, withoutEvents } from './projection';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from './fixtures';

describe('projection', () => {
  it('starts incomplete at level 0 with nothing folded', () => {
    const p = emptyProjection('c-1', 'gz');
    expect(p).toMatchObject({ id: 'c-1', branchId: 'gz', status: 'incomplete', escalationLevel: 0, eventCount: 0, timeline: [], events: [] });
    expect(COMPLAINT_STATUSES).toContain(p.status);
  });

  it('withoutEvents drops the internal event list and keeps the rest', () => {
    const ev = eventFactory();
    const p = fold([ev('complaint.created')], defaultFoldContext())!;
    const view = withoutEvents(p);
    expect('events' in view).toBe(false);
    expect(view.number).toBe(p.number);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});
