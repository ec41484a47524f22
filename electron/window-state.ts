export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** The UI is laid out for 1280×720 and up; smaller windows would hide controls. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 } as const;

/** Reads a saved state defensively: the file may be old, hand-edited or from another machine. */
export function parseWindowState(raw: unknown): WindowState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const candidate = raw as { bounds?: unknown; maximized?: unknown };
  const bounds = candidate.bounds as Partial<Record<keyof Rect, unknown>> | undefined;
  if (typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds;
  if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const rect = { x, y, width, height } as Rect;
  if (rect.width <= 0 || rect.height <= 0) return undefined;
  return { bounds: roundRect(rect), maximized: candidate.maximized === true };
}

/**
 * Where to open the window, given the saved state and the displays' work
 * areas (the first is the primary display). The saved bounds are kept when
 * they fit; a window whose display was unplugged moves to the display it
 * overlaps most, or to the centre of the primary display when it overlaps
 * none; a window larger than its display shrinks to fit.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) {
    return saved ?? { bounds: { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }, maximized: false };
  }
  if (saved === undefined) return { bounds: centreIn(primary, DEFAULT_WINDOW_SIZE), maximized: false };

  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(saved.bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  if (best === undefined) return { bounds: centreIn(primary, saved.bounds), maximized: saved.maximized };

  const width = Math.min(saved.bounds.width, best.width);
  const height = Math.min(saved.bounds.height, best.height);
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

function centreIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function roundRect(rect: Rect): Rect {
  return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
}
