import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, parseWindowState, placeWindow, type Rect } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a saved state', () => {
    expect(parseWindowState({ bounds: { x: 10, y: 20, width: 1300, height: 900 }, maximized: true })).toEqual({
      bounds: { x: 10, y: 20, width: 1300, height: 900 },
      maximized: true,
    });
  });

  it.each([undefined, null, 'x', {}, { bounds: { x: 1, y: 2, width: 3 } }, { bounds: { x: 1, y: 2, width: -3, height: 4 } }, { bounds: { x: 'a', y: 0, width: 1, height: 1 } }, { bounds: { x: Infinity, y: 0, width: 1, height: 1 } }])(
    'rejects %j',
    (raw) => {
      expect(parseWindowState(raw)).toBeUndefined();
    },
  );
});

describe('placeWindow', () => {
  it('centres a first window on the primary display', () => {
    expect(placeWindow(undefined, [laptop, rightMonitor])).toEqual({
      bounds: { x: 320, y: 120, ...DEFAULT_WINDOW_SIZE },
      maximized: false,
    });
  });

  it('keeps bounds that fit, on any display', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window of an unplugged monitor to the primary display', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { x: 260, y: 70, width: 1400, height: 900 }, maximized: false });
  });

  it('pulls a half-visible window fully onto the display it overlaps most', () => {
    const saved = { bounds: { x: -300, y: 900, width: 1280, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ bounds: { x: 0, y: 240, width: 1280, height: 800 }, maximized: false });
  });

  it('shrinks a window larger than its display', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    const saved = { bounds: { x: 0, y: 0, width: 2400, height: 1300 }, maximized: false };
    expect(placeWindow(saved, [small])).toEqual({ bounds: { x: 0, y: 0, width: 1366, height: 728 }, maximized: false });
  });

  it('always lands entirely inside one work area', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: undefined }), fc.array(rect, { minLength: 1, maxLength: 3 }), fc.boolean(), (bounds, areas, maximized) => {
        const placed = placeWindow(bounds === undefined ? undefined : { bounds, maximized }, areas).bounds;
        const inside = areas.some(
          (a) => placed.x >= a.x && placed.y >= a.y && placed.x + placed.width <= a.x + a.width && placed.y + placed.height <= a.y + a.height,
        );
        expect(inside).toBe(true);
        expect(placed.width).toBeGreaterThan(0);
        expect(placed.height).toBeGreaterThan(0);
      }),
    );
  });
});
