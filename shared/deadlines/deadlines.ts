import type { WorkCalendar } from '../calendar/calendar';
import { calendarDaysDeadline, workingDaysDeadline } from '../calendar/calendar';
import { BoundedCache } from '../calendar/bounded-cache';
import type { Policy } from '../policy/policy';
import type { Grade } from '../events/fields';
import { handlingWorkingDays, warningWindowMs } from '../policy/policy';
import type { DeadlineClock } from './clocks';

export { DEADLINE_CLOCKS, deadlineClockSchema } from './clocks';
export type { DeadlineClock } from './clocks';

/** What the clocks of one complaint depend on; every time is an ISO string. */
export interface DeadlineInput {
  /** When the centre received the complaint (the call, the letter...). */
  receivedAt: string;
  /** When it was accepted; handling counts from here, or from receipt when absent. */
  acceptedAt?: string;
  grade: Grade;
  /** When the complaint officer notified the agent and the lead (starts the 二解 callback clock). */
  notifiedAt?: string;
  /**
   * The customer asked to be called back later (customerRequestedLate): the
   * agreed time, and when the lead noted the request.
   */
  callbackLateRequest?: { at: string; notedAt: string };
  /** Times of the 二解 callback attempts made so far, in any order. */
  callbackAttempts?: readonly string[];
  resolvedAt?: string;
  closedAt?: string;
  /**
   * Until the resolution: when the complainant last heard about progress
   * (receipt when never), from which the next progress feedback is due.
   */
  progressFrom?: string;
  /** Total working days the handling deadline was extended by (each with a reason told to the complainant). */
  extensionWorkingDays?: number;
}

/**
 * ISO instants (UTC, with millis) per clock. A clock is absent until the
 * event that starts it exists. `nextCallbackEarliest` is the earliest moment
 * the next callback attempt is allowed: absent before any attempt, null once
 * the attempts are used up. `nextProgressFeedback` is a reminder, not a clock
 * that escalates: the norm asks for progress feedback within 24 h.
 */
export type Deadlines = Partial<Record<DeadlineClock, string>> & {
  nextCallbackEarliest?: string | null;
  /** When the complainant is next due to hear about progress (policy progressFeedbackHours); absent once resolved. */
  nextProgressFeedback?: string;
};

const HOUR_MS = 3_600_000;

function ms(iso: string): number {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new RangeError(`not an ISO instant: ${iso}`);
  return t;
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Deadlines already computed, per policy and calendar object (both values,
 * never changed once made) and per input. The fold asks again after every
 * event, and most events leave the input as it was.
 */
const memo = new WeakMap<Policy, WeakMap<WorkCalendar, BoundedCache<string, Deadlines>>>();
const MEMO_SIZE = 8_192;

export function computeDeadlines(input: DeadlineInput, policy: Policy, calendar: WorkCalendar): Deadlines {
  const key = inputKey(input);
  if (key === null) return compute(input, policy, calendar);
  let byCalendar = memo.get(policy);
  if (!byCalendar) memo.set(policy, (byCalendar = new WeakMap()));
  let table = byCalendar.get(calendar);
  if (!table) byCalendar.set(calendar, (table = new BoundedCache(MEMO_SIZE)));
  // A copy, so a caller changing its result cannot change another's.
  return { ...table.getOrCompute(key, () => compute(input, policy, calendar)) };
}

/**
 * A text that differs whenever the input could give different deadlines;
 * null for inputs outside the declared types (those are computed, not cached).
 */
function inputKey(input: DeadlineInput): string | null {
  const attempts = input.callbackAttempts;
  if (attempts !== undefined && (!Array.isArray(attempts) || !attempts.every((a) => typeof a === 'string'))) return null;
  const parts = [
    input.receivedAt,
    input.acceptedAt,
    input.grade,
    input.notifiedAt,
    input.resolvedAt,
    input.closedAt,
    input.extensionWorkingDays,
    input.callbackLateRequest?.at,
    input.callbackLateRequest?.notedAt,
    input.progressFrom,
  ];
  let key = '';
  for (const part of parts) {
    if (part === undefined) key += '~';
    else if (typeof part === 'string') key += JSON.stringify(part);
    else if (typeof part === 'number') key += String(part);
    else return null;
    key += '|';
  }
  return attempts === undefined ? `${key}~` : key + JSON.stringify(attempts);
}

function compute(input: DeadlineInput, policy: Policy, calendar: WorkCalendar): Deadlines {
  const d = policy.deadlines;
  const out: Deadlines = {};
  const received = input.receivedAt;
  const accepted = input.acceptedAt ?? received;

  out.acceptanceReview = workingDaysDeadline(calendar, received, d.acceptanceReviewWorkingDays);
  out.initialVerification = iso(ms(received) + d.initialVerificationHours * HOUR_MS);

  const extension = Math.max(0, Math.trunc(input.extensionWorkingDays ?? 0));
  out.handling = workingDaysDeadline(calendar, accepted, handlingWorkingDays(policy, input.grade) + extension);

  if (input.notifiedAt !== undefined) {
    out.callback = callbackDue(input.notifiedAt, input.callbackLateRequest, policy, calendar);
  }

  const attempts = input.callbackAttempts ?? [];
  if (attempts.length > 0) {
    const sr = policy.secondResolution;
    out.nextCallbackEarliest =
      attempts.length >= sr.maxCallbackAttempts
        ? null
        : iso(Math.max(...attempts.map(ms)) + sr.callbackMinSpacingHours * HOUR_MS);
  }

  if (input.progressFrom !== undefined && input.resolvedAt === undefined) {
    out.nextProgressFeedback = iso(ms(input.progressFrom) + d.progressFeedbackHours * HOUR_MS);
  }

  if (input.resolvedAt !== undefined) {
    out.writtenResult = iso(ms(input.resolvedAt) + d.writtenResultHours * HOUR_MS);
  }

  const handledAt = input.resolvedAt ?? input.closedAt;
  if (handledAt !== undefined) {
    out.survey = workingDaysDeadline(calendar, handledAt, d.surveyWorkingDays);
  }
  return out;
}

/**
 * 二解: the lead calls back and writes the mid-course note by day end
 * (17:00) of the day after the notification (第二天17:00前), counted in
 * calendar days by default (the centre works every day) or in working days
 * when the policy says so. A customer who asked to be called later moves it
 * to the agreed time, when the lead noted the request before the due time.
 */
export function callbackDue(
  notifiedAt: string,
  lateRequest: { at: string; notedAt: string } | undefined,
  policy: Policy,
  calendar: WorkCalendar,
): string {
  const sr = policy.secondResolution;
  const due =
    sr.callbackDayCounting === 'working'
      ? workingDaysDeadline(calendar, notifiedAt, sr.callbackDueDays)
      : calendarDaysDeadline(calendar, notifiedAt, sr.callbackDueDays);
  if (lateRequest === undefined || ms(lateRequest.notedAt) > ms(due)) return due;
  return iso(Math.max(ms(due), ms(lateRequest.at)));
}

export type DeadlineStateName = 'ok' | 'warning' | 'breached';

export interface DeadlineState {
  state: DeadlineStateName;
  /** Milliseconds left (negative once breached). Measured to `completedAt` when the clock was stopped. */
  remainingMs: number;
}

/**
 * Where a deadline stands at `nowIso`. With `completedAt` the clock stopped
 * then: met in time stays 'ok' forever, met late stays 'breached'.
 */
export function deadlineState(
  deadlineIso: string,
  nowIso: string,
  policy: Policy,
  options: { clock?: DeadlineClock; completedAt?: string } = {},
): DeadlineState {
  const due = ms(deadlineIso);
  if (options.completedAt !== undefined) {
    const remainingMs = due - ms(options.completedAt);
    return { state: remainingMs >= 0 ? 'ok' : 'breached', remainingMs };
  }
  const remainingMs = due - ms(nowIso);
  if (remainingMs < 0) return { state: 'breached', remainingMs };
  if (remainingMs <= warningWindowMs(policy, options.clock)) return { state: 'warning', remainingMs };
  return { state: 'ok', remainingMs };
}
