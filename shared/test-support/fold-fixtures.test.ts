import { describe, expect, it } from 'vitest';
import { eventFactory, T0, MINUTE } from './fold-fixtures';
import { validateEvent } from '../events/validate';

describe('fold fixtures', () => {
  it('make valid events whose HLC and time follow the minute offset', () => {
    const ev = eventFactory('c-9');
    const created = ev('complaint.created', { grade: 2 }, { at: 5 });
    expect(validateEvent(created).ok).toBe(true);
    expect(created.hlc.startsWith(new Date(T0 + 5 * MINUTE).toISOString())).toBe(true);
    expect(created.payload.grade).toBe(2);
    expect(ev('note.added').id).not.toBe(created.id);
  });
});
