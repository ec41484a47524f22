/**
 * Hybrid logical clock. A stamp is `<UTC ISO-8601 with millis>-<4 hex
 * counter>-<16 hex node id>`, fixed width, so stamps sort as strings in the
 * same order as (wall time, counter, node). Every event a replica writes
 * gets a stamp later than every stamp that replica has seen, so causes sort
 * before their effects even between machines whose clocks disagree.
 */

export interface HlcClock {
  /** Logical wall time in ms since the epoch (never behind any stamp seen). */
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

export interface HlcParts {
  wallMs: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 0xffff;
/** Policy packs carry their own bound (sync.hlcMaxSkewMs); this is the fallback. */
export const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;

const NODE_PATTERN = /^[0-9a-f]{16}$/;
const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
/** From the epoch to four-digit years only, so the string order stays the time order. */
const MIN_WALL_MS = 0;
const MAX_WALL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export class HlcFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HlcFormatError';
  }
}

/** A remote stamp too far ahead of this machine's wall clock: refused, not absorbed. */
export class HlcSkewError extends Error {
  readonly aheadMs: number;
  readonly maxSkewMs: number;
  constructor(aheadMs: number, maxSkewMs: number) {
    super(`Remote clock is ${aheadMs} ms ahead of local time (at most ${maxSkewMs} ms allowed)`);
    this.name = 'HlcSkewError';
    this.aheadMs = aheadMs;
    this.maxSkewMs = maxSkewMs;
  }
}

export function isNodeId(value: string): boolean {
  return NODE_PATTERN.test(value);
}

export function createClock(nodeId: string, wallMs = 0): HlcClock {
  if (!isNodeId(nodeId)) throw new HlcFormatError('A node id is 16 lowercase hex digits');
  checkWall(wallMs);
  return { wallMs, counter: 0, node: nodeId };
}

export function formatHlc(parts: HlcParts): string {
  checkWall(parts.wallMs);
  if (!Number.isInteger(parts.counter) || parts.counter < 0 || parts.counter > MAX_COUNTER) {
    throw new HlcFormatError('HLC counter out of range');
  }
  if (!isNodeId(parts.node)) throw new HlcFormatError('A node id is 16 lowercase hex digits');
  const iso = new Date(parts.wallMs).toISOString();
  return `${iso}-${parts.counter.toString(16).padStart(4, '0')}-${parts.node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const match = typeof stamp === 'string' ? STAMP_PATTERN.exec(stamp) : null;
  if (!match) throw new HlcFormatError('Not an HLC stamp');
  const [, iso, counterHex, node] = match as unknown as [string, string, string, string];
  const wallMs = Date.parse(iso);
  // Date.parse rolls some impossible dates over; the round trip catches them.
  if (!Number.isFinite(wallMs) || new Date(wallMs).toISOString() !== iso) {
    throw new HlcFormatError('HLC stamp has an impossible date');
  }
  return { wallMs, counter: parseInt(counterHex, 16), node };
}

export function isHlc(stamp: unknown): stamp is string {
  try {
    parseHlc(stamp as string);
    return true;
  } catch {
    return false;
  }
}

/** Plain string order is the clock order, by design of the format. */
export function compareHlc(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How far ahead a replica's stamps may run: at most `maxSkewMs` (the policy's
 * `sync.hlcMaxSkewMs`) past its best estimate of the server's clock, which is
 * the local wall clock plus `offsetMs` (server minus local, learned from the
 * server's answers; 0 while unknown). The server refuses events stamped
 * further ahead than that, so a replica never writes one.
 */
export interface HlcBound {
  maxSkewMs: number;
  offsetMs?: number;
}

/** The latest wall time a stamp may carry now under `bound`. */
export function stampCeiling(nowMs: number, bound: HlcBound = { maxSkewMs: DEFAULT_MAX_SKEW_MS }): number {
  return Math.trunc(nowMs + (bound.offsetMs ?? 0)) + bound.maxSkewMs;
}

/**
 * Stamp a local event. The physical time is the local wall clock corrected by
 * the bound's offset. A clock that ran beyond the ceiling (a wall clock set
 * wrong earlier, since fixed or corrected) is pulled back to the ceiling:
 * stamps beyond it would be refused by the server anyway, and being refused
 * forever is worse than sorting before them. Within the bound the stamps are
 * strictly increasing.
 */
export function tick(
  clock: HlcClock,
  nowMs: number,
  bound: HlcBound = { maxSkewMs: DEFAULT_MAX_SKEW_MS },
): { clock: HlcClock; stamp: string } {
  const ceiling = stampCeiling(nowMs, bound);
  const physical = Math.trunc(nowMs + (bound.offsetMs ?? 0));
  const held = clampToCeiling(clock, ceiling);
  const wall = Math.max(held.wallMs, physical);
  const next = normalise(wall, wall === held.wallMs ? held.counter + 1 : 0, clock.node);
  if (next.wallMs > ceiling) throw new HlcSkewError(next.wallMs - (ceiling - bound.maxSkewMs), bound.maxSkewMs);
  return { clock: next, stamp: formatHlc(next) };
}

/** A clock ahead of the ceiling restarts at it (counter 0 of that millisecond was never used beyond the ceiling). */
function clampToCeiling(clock: HlcClock, ceiling: number): HlcClock {
  return clock.wallMs > ceiling ? { wallMs: ceiling, counter: -1, node: clock.node } : clock;
}

/**
 * Merge a stamp seen on an event from elsewhere, so the next local stamp sorts
 * after it. Throws HlcSkewError when the remote wall time is more than
 * maxSkewMs ahead of the (offset-corrected) now (a broken clock must not drag
 * every replica into the future), and HlcFormatError for a malformed stamp.
 * `tick` keeps the next local stamp within its ceiling whatever the merge did.
 */
export function receive(
  clock: HlcClock,
  remoteStamp: string,
  nowMs: number,
  maxSkewMs = DEFAULT_MAX_SKEW_MS,
  offsetMs = 0,
): HlcClock {
  const remote = parseHlc(remoteStamp);
  const now = Math.trunc(nowMs + offsetMs);
  const ahead = remote.wallMs - now;
  if (ahead > maxSkewMs) throw new HlcSkewError(ahead, maxSkewMs);
  const wall = Math.max(clock.wallMs, remote.wallMs, now);
  let counter: number;
  if (wall === clock.wallMs && wall === remote.wallMs) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wall === clock.wallMs) counter = clock.counter + 1;
  else if (wall === remote.wallMs) counter = remote.counter + 1;
  else counter = 0;
  return normalise(wall, counter, clock.node);
}

/**
 * Past 0xffff the counter cannot grow inside four hex digits: the logical
 * wall time moves on by one millisecond instead, which still sorts after.
 */
function normalise(wallMs: number, counter: number, node: string): HlcClock {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

function checkWall(wallMs: number): void {
  if (!Number.isInteger(wallMs) || wallMs < MIN_WALL_MS || wallMs > MAX_WALL_MS) {
    throw new HlcFormatError('HLC wall time out of range');
  }
}
