import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES, draftOf, emptyProjection, withoutEvents } from './projection';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';

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

  it('draftOf copies every field and the containers steps write to, sharing the history lists', () => {
    const ev = eventFactory();
    const p = fold([ev('complaint.created'), ev('note.added'), ev('work_order.filed')], defaultFoldContext())!;
    const d = draftOf(p);
    expect(d).toEqual(p);
    expect(Object.keys(d).sort()).toEqual(Object.keys(emptyProjection('c', 'gz')).sort());
    for (const k of ['notes', 'escalations', 'refunds', 'flags', 'milestones', 'callbacks'] as const) {
      expect(d[k], k).not.toBe(p[k]);
    }
    // Replaced by the caller with longer copies, never pushed to.
    expect(d.timeline).toBe(p.timeline);
    expect(d.events).toBe(p.events);
    expect(d.callbacks.attempts).not.toBe(p.callbacks.attempts);
    expect(d.flags.secondResolutionReasons).not.toBe(p.flags.secondResolutionReasons);
  });

  it('draftOf leaves behind what a store added beyond the projection fields', () => {
    const p = { ...emptyProjection('c', 'gz'), _rev: '1-abc' };
    expect('_rev' in draftOf(p)).toBe(false);
  });
});
