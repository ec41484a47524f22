import { localDay } from '../calendar/calendar';
import { fnv1a128Hex } from '../ids/fnv1a';

/**
 * Complaint numbers (e.g. GZ-20261123-K7-0042) are made on the workstation at
 * intake, offline, and read out to the caller. They are unique because each
 * part narrows the one before: branch, day in the centre's time zone, the
 * workstation's code (distinct within a branch), then the workstation's own
 * counter for that day.
 *
 * The workstation alphabet leaves out 0/O, 1/I/L and U, which are misheard
 * or misread; digits in the date and counter are unambiguous in context.
 */
export const WORKSTATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const WORKSTATION_CODE_LENGTH = 2;
const COUNTER_WIDTH = 4;

const BRANCH_CODE = /^[A-Z][A-Z0-9]{1,5}$/;
const NUMBER_PATTERN = new RegExp(
  `^([A-Z][A-Z0-9]{1,5})-(\\d{4})(\\d{2})(\\d{2})-([${WORKSTATION_ALPHABET}]{2,4})-(\\d{${COUNTER_WIDTH},6})$`,
);

export interface ComplaintNumberParts {
  /** Upper-case branch code, e.g. 'GZ'. */
  branchCode: string;
  /** The day of intake in the centre's time zone, 'YYYY-MM-DD'. */
  day: string;
  workstationCode: string;
  /** 1-based, per workstation per day. */
  counter: number;
}

/** 'gz' → 'GZ'; refuses what cannot be read out as a code. */
export function branchCodeOf(branchId: string): string {
  const code = branchId.trim().toUpperCase();
  if (!BRANCH_CODE.test(code)) throw new RangeError(`branch id cannot make a branch code: ${branchId}`);
  return code;
}

function encode(value: bigint, length: number): string {
  const base = BigInt(WORKSTATION_ALPHABET.length);
  let v = value;
  let out = '';
  for (let i = 0; i < length; i++) {
    out = WORKSTATION_ALPHABET[Number(v % base)]! + out;
    v /= base;
  }
  return out;
}

/**
 * The workstation code derived from a stable workstation id. `attempt` picks
 * an alternative when the first is taken in the branch (see
 * assignWorkstationCode); every replica derives the same codes from the id.
 */
export function workstationCode(workstationId: string, attempt = 0, length = WORKSTATION_CODE_LENGTH): string {
  if (workstationId.length === 0) throw new RangeError('workstation id is empty');
  const hash = BigInt(`0x${fnv1a128Hex(attempt === 0 ? workstationId : `${workstationId}#${attempt}`)}`);
  return encode(hash, length);
}

/**
 * The first derived code not already taken in the branch. Two-character codes
 * allow 900 workstations per branch; with a crowded branch it lengthens to
 * three (27,000) rather than share one. Whoever registers workstations (the
 * server, or an admin on first sign-in) keeps the taken set; the workstation
 * stores its code and uses it offline from then on.
 */
export function assignWorkstationCode(workstationId: string, taken: ReadonlySet<string>): string {
  for (let length = WORKSTATION_CODE_LENGTH; length <= 4; length++) {
    for (let attempt = 0; attempt < 64; attempt++) {
      const code = workstationCode(workstationId, attempt, length);
      if (!taken.has(code)) return code;
    }
  }
  throw new RangeError('no free workstation code');
}

export function formatComplaintNumber(parts: ComplaintNumberParts): string {
  const branch = branchCodeOf(parts.branchCode);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(parts.day);
  if (!m) throw new RangeError(`not a day (YYYY-MM-DD): ${parts.day}`);
  const ws = parts.workstationCode.toUpperCase();
  if (!new RegExp(`^[${WORKSTATION_ALPHABET}]{2,4}$`).test(ws)) {
    throw new RangeError(`not a workstation code: ${parts.workstationCode}`);
  }
  if (!Number.isInteger(parts.counter) || parts.counter < 1 || parts.counter > 999_999) {
    throw new RangeError(`counter must be 1–999999: ${parts.counter}`);
  }
  return `${branch}-${m[1]}${m[2]}${m[3]}-${ws}-${String(parts.counter).padStart(COUNTER_WIDTH, '0')}`;
}

/**
 * Reads a number back, tolerating how people type it: lower case, spaces,
 * full-width characters, typographic dashes. Null when it is not a number.
 */
export function parseComplaintNumber(text: string): ComplaintNumberParts | null {
  const cleaned = text.normalize('NFKC').toUpperCase().replace(/\s+/g, '').replace(/[‐-―−]/g, '-');
  const m = NUMBER_PATTERN.exec(cleaned);
  if (!m) return null;
  const [, branchCode, y, mo, d, ws, counter] = m as unknown as [string, string, string, string, string, string, string];
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(t);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() + 1 !== Number(mo) || check.getUTCDate() !== Number(d)) {
    return null;
  }
  const n = Number(counter);
  if (n < 1) return null;
  return { branchCode, day: `${y}-${mo}-${d}`, workstationCode: ws, counter: n };
}

/** The last counter used per day, for the most recent days a workstation has used. */
export interface NumberCounterState {
  lastByDay: Record<string, number>;
}

/** Days remembered; a clock set back further than this many used days could repeat a number. */
const REMEMBERED_DAYS = 62;

/**
 * The counter for a new complaint on `day`: one more than the last used that
 * day, else 1. Counters are kept per day rather than "since the last day", so
 * a workstation clock that jumps back to an earlier day continues that day's
 * counter instead of handing its numbers out again.
 */
export function nextCounter(
  previous: NumberCounterState | null | undefined,
  day: string,
): { counter: number; state: NumberCounterState } {
  const lastByDay = { ...(previous?.lastByDay ?? {}) };
  const counter = (lastByDay[day] ?? 0) + 1;
  lastByDay[day] = counter;
  const kept = Object.keys(lastByDay).sort().slice(-REMEMBERED_DAYS);
  return { counter, state: { lastByDay: Object.fromEntries(kept.map((d) => [d, lastByDay[d]!])) } };
}

/**
 * The number for a complaint taken at `at` (an instant), on the day it is in
 * the centre's time zone. The caller persists the returned counter state
 * before showing the number, so a crash cannot hand the same number out twice.
 */
export function makeComplaintNumber(
  input: { branchId: string; workstationCode: string; at: string | number | Date; previous?: NumberCounterState | null },
  calendar: { timeZone: string },
): { number: string; state: NumberCounterState } {
  const day = localDay(calendar, input.at);
  const { counter, state } = nextCounter(input.previous, day);
  const number = formatComplaintNumber({
    branchCode: branchCodeOf(input.branchId),
    day,
    workstationCode: input.workstationCode,
    counter,
  });
  return { number, state };
}
