import { describe, expect, it } from 'vitest';
import { keystrokeReport, shareText } from './keystroke-report';

describe('keystrokeReport', () => {
  it('counts keystrokes whose frame came after the 16 ms budget', () => {
    const r = keystrokeReport([4, 6, 8, 10, 16, 17, 40, 120]);
    expect(r.keystrokes).toBe(8);
    // 16 ms itself is within one frame.
    expect(r.overBudget).toBe(3);
    expect(r.overShare).toBeCloseTo(3 / 8);
    expect(r.medianMs).toBeCloseTo(13);
    expect(r.maxMs).toBe(120);
    expect(r.p95Ms).toBeGreaterThan(40);
  });

  it('counts keystrokes whose frame began more than one vsync after the key', () => {
    // A frame beginning 16 ms after the key is the next one; 17 ms and 50 ms mean a frame came without the keystroke.
    const r = keystrokeReport([20, 21, 30, 60], [-1, 16, 17, 50]);
    expect(r.lateFrames).toBe(2);
    expect(r.overBudget).toBe(4);
  });

  it('reports nothing measured as n/a rather than zero', () => {
    const r = keystrokeReport([]);
    expect(r.keystrokes).toBe(0);
    expect(Number.isNaN(r.overShare)).toBe(true);
    expect(shareText(r.overBudget, r.overShare)).toBe('n/a');
    expect(shareText(2, 0.25)).toBe('2 (25.0 %)');
  });
});
