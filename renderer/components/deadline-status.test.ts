import { describe, expect, it } from 'vitest';
import { deadlineIcon, deadlineStatus, roundSpan } from './deadline-status';

const now = Date.parse('2026-11-23T06:00:00Z');
const H = 3_600_000;

describe('deadlineStatus', () => {
  it('is neutral with plenty of time', () => {
    expect(deadlineStatus('2026-11-26T09:00:00Z', now, 4 * H)).toEqual({
      tone: 'neutral', kind: 'left', amount: 3, unit: 'd',
    });
  });
  it('turns amber inside the warning window, saying the hours left', () => {
    expect(deadlineStatus('2026-11-23T08:30:00Z', now, 4 * H)).toEqual({
      tone: 'amber', kind: 'left', amount: 2, unit: 'h',
    });
  });
  it('is amber exactly at the edge of the window', () => {
    expect(deadlineStatus('2026-11-23T10:00:00Z', now, 4 * H)?.tone).toBe('amber');
    expect(deadlineStatus('2026-11-23T10:00:01Z', now, 4 * H)?.tone).toBe('neutral');
  });
  it('turns red once breached, counting the overdue span up', () => {
    expect(deadlineStatus('2026-11-22T05:00:00Z', now, 4 * H)).toEqual({
      tone: 'red', kind: 'overdue', amount: 1, unit: 'd',
    });
    expect(deadlineStatus('2026-11-23T06:00:00Z', now, 4 * H)).toEqual({
      tone: 'red', kind: 'overdue', amount: 1, unit: 'min',
    });
  });
  it('refuses a broken date rather than guessing', () => {
    expect(deadlineStatus('soon', now, H)).toBeNull();
  });
});

describe('roundSpan', () => {
  it('shows minutes within the hour', () => {
    expect(roundSpan(25 * 60_000, false)).toEqual({ amount: 25, unit: 'min' });
  });
  it('rounds down to whole units', () => {
    expect(roundSpan(2.9 * H, false)).toEqual({ amount: 2, unit: 'h' });
    expect(roundSpan(2.9 * H, true)).toEqual({ amount: 2, unit: 'h' });
  });
  it('calls anything overdue at least a minute overdue', () => {
    expect(roundSpan(10, true)).toEqual({ amount: 1, unit: 'min' });
    expect(roundSpan(10, false)).toEqual({ amount: 0, unit: 'min' });
  });
  it('switches to days after a day', () => {
    expect(roundSpan(23 * H, false)).toEqual({ amount: 23, unit: 'h' });
    expect(roundSpan(49 * H, false)).toEqual({ amount: 2, unit: 'd' });
    expect(roundSpan(25 * H, true)).toEqual({ amount: 1, unit: 'd' });
  });
});

describe('deadlineIcon', () => {
  it('gives each tone its own icon', () => {
    const icons = new Set(['neutral', 'amber', 'red'].map((t) => deadlineIcon(t as 'red')));
    expect(icons.size).toBe(3);
  });
});
