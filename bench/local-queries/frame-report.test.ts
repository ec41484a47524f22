import { describe, expect, it } from 'vitest';
import { FRAME_MS, frameReport } from './frame-report';

describe('frameReport', () => {
  it('counts missed vsyncs from frame intervals and frames with blank rows', () => {
    const r = frameReport([FRAME_MS, FRAME_MS * 1.2, FRAME_MS * 2, FRAME_MS * 3.1, FRAME_MS], [0, 0, 2, 0, 1], 1000);
    expect(r.frames).toBe(5);
    // 2 × → 1 dropped, 3.1 × → 2 dropped; 1.2 × is the same vsync, late.
    expect(r.dropped).toBe(3);
    expect(r.blankFrames).toBe(2);
    expect(r.maxMs).toBeCloseTo(FRAME_MS * 3.1);
  });

  it('a smooth scroll drops nothing', () => {
    const r = frameReport(Array.from({ length: 100 }, () => FRAME_MS), Array.from({ length: 100 }, () => 0), 5000);
    expect(r.dropped).toBe(0);
    expect(r.blankFrames).toBe(0);
  });
});
