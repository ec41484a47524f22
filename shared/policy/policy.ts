import { z } from 'zod';
import { roleSchema } from '../roles';
import { isPlainObject } from '../json/is-plain-object';
import { DEADLINE_CLOCKS } from '../deadlines/clocks';
import { CATEGORIES, customerTypeSchema, ESCALATION_LEVELS, escalationLevelSchema, gradeSchema, type Grade } from '../events/fields';

/**
 * The policy pack: every number of the complaint-handling norm as data.
 * Centres differ (3/5/7 or 7/15/2/10 working days...), so administrators edit
 * it on the server and it replicates to every workstation; code reads the
 * numbers from here and never hard-codes them.
 */

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const isoDaySchema = z.string().regex(DAY_PATTERN, 'expected a day as YYYY-MM-DD');
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY_PATTERN, 'expected a time as HH:MM');

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().min(1).refine(isKnownTimeZone, 'unknown IANA time zone');

const wd = z.number().int().min(0).max(366);
const hours = z.number().min(0).max(24 * 366);
const positiveInt = z.number().int().min(1);

const byGrade = <T extends z.ZodType>(value: T) =>
  z.object({ '1': value, '2': value, '3': value, '4': value });

const keywordList = z.array(z.string().trim().min(1).max(50)).max(500);

export const policySchema = z.object({
  /** Increases with every administrative change; workstations keep the highest. */
  revision: z.number().int().min(0),
  /** The centre's time zone: day boundaries, day end and complaint-number dates. */
  timeZone: timeZoneSchema,
  /** End of a working day, when working-day deadlines fall. */
  dayEnd: timeOfDaySchema,

  deadlines: z.object({
    /** Handling deadline in working days per grade (1 general, 2 important, 3 urgent, 4 repeat). */
    handlingWorkingDaysByGrade: byGrade(wd.min(1)),
    acceptanceReviewWorkingDays: wd.min(1),
    initialVerificationHours: hours.positive(),
    /** The result is told to the complainant within this many hours of the resolution. */
    writtenResultHours: hours.positive(),
    surveyWorkingDays: wd.min(1),
    /**
     * Satisfaction is tracked this many calendar days after handling ended
     * (resolution, else closing): a survey later than that is not recorded.
     */
    surveyTrackingDays: positiveInt.max(366),
    /** Registration must be complete within this many hours of receipt. */
    registrationHours: hours.positive(),
    /**
     * Until the resolution, the complainant hears about progress at least this
     * often: the next feedback is due this long after receipt or the last
     * contact (a progress call, a reached callback).
     */
    progressFeedbackHours: hours.positive(),
    /** A deadline due within this window is shown amber and may escalate. */
    warningWindowHours: hours,
    /** Per-clock overrides of the warning window. */
    warningWindowHoursByClock: z.partialRecord(z.enum(DEADLINE_CLOCKS), hours),
  }),

  reception: z.object({
    /** Making the customer wait longer than this on one issue establishes a complaint. */
    maxWaitSecondsOnOneIssue: positiveInt.max(3600),
  }),

  secondResolution: z.object({
    /**
     * 二解 callback and mid-course note are due at day end of the Nth day after
     * notification (第二天17:00前: N = 1), counted in calendar days (a hotline
     * centre works every day) or, for a centre that closes, in working days.
     */
    callbackDueDays: wd.min(1),
    callbackDayCounting: z.enum(['calendar', 'working']),
    callbackMinSpacingHours: hours,
    maxCallbackAttempts: positiveInt.max(20),
    /** A reached callback that asked for acceptance more often is flagged (norm not followed). */
    maxAcceptanceAsksPerCall: positiveInt.max(10),
    /** Reached callbacks beyond this many, unless the customer asked for the call, are flagged. */
    maxApologyCalls: positiveInt.max(10),
    /** The complaint involving this many agents or more goes to the normal flow. */
    maxAgentsInvolved: positiveInt.max(100),
  }),

  assessment: z.object({
    /** Withdrawn-after-callback complaints exempt per team per period; the next ones are assessed. */
    exemptionLimitPerTeamPerPeriod: z.number().int().min(0).max(10_000),
    period: z.enum(['month', 'quarter', 'year']),
  }),

  repeatComplaint: z.object({
    /** Same phone and same category within this many days is a repeat (grade 4). */
    windowDays: positiveInt.max(3660),
  }),

  urgentKeywords: z.object({
    zh: keywordList,
    en: keywordList,
  }),

  withdrawal: z.object({
    /**
     * Where a customer's withdrawal on the call is doubtful and the agent is
     * not offered "Customer withdrew": these grades (3 urgent by default),
     * these customer types (VIP, 专业户), and these words in the description
     * or demands (threats to go to the media or a regulator).
     */
    doubtfulGrades: z.array(gradeSchema).max(4),
    doubtfulCustomerTypes: z.array(customerTypeSchema).max(3),
    threatKeywords: z.object({ zh: keywordList, en: keywordList }),
  }),

  refund: z.object({
    /** The most an agent may promise on the call; beyond it a supervisor approves. */
    authorityAmount: z.number().min(0).max(1_000_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/),
  }),

  survey: z.object({
    scaleMax: z.union([z.literal(5), z.literal(10)]),
  }),

  feedback: z.object({
    /** The result must be told in writing (letter, e-mail, SMS, WeChat) to stop the written-result clock. */
    resultInWriting: z.boolean(),
  }),

  workOrder: z.object({
    /** The work order's subject per category (投诉申告-服务质量-10086热线 for service quality). */
    subjectByCategory: z.object(
      Object.fromEntries(CATEGORIES.map((c) => [c, z.string().trim().min(1).max(200)])) as Record<
        (typeof CATEGORIES)[number],
        z.ZodString
      >,
    ),
  }),

  retention: z.object({
    /**
     * The server erases the personal fields of complaints closed more than
     * this many months ago (a complaint.redacted by the system, then the
     * stored events are scrubbed); 0 keeps them until someone erases them.
     */
    erasePersonalAfterMonths: z.number().int().min(0).max(1200),
  }),

  sync: z.object({
    /** A remote HLC stamp further ahead of local wall time than this is refused. */
    hlcMaxSkewMs: z.number().int().min(1000).max(7 * 24 * 3600 * 1000),
  }),

  businessDates: z.object({
    /**
     * A date of something that happened (receipt, incident, the event's own
     * wall time) at most this many days before now: old enough for paper
     * records typed in late and for the retention period, never year 0.
     */
    maxPastDays: positiveInt.max(36_600),
    /** A date of something that happened at most this far ahead of now: a clock's error, not a plan. */
    maxAheadMinutes: z.number().int().min(0).max(7 * 24 * 60),
    /** A planned date (a scheduled callback) at most this many days ahead. */
    plannedMaxAheadDays: positiveInt.max(3660),
  }),

  escalation: z.object({
    /** Who stands on each rung, lowest first; index = escalation level. */
    ladder: z
      .array(z.object({ level: escalationLevelSchema, role: roleSchema }))
      .length(ESCALATION_LEVELS.length)
      .refine((rungs) => rungs.every((r, i) => r.level === i), 'ladder levels must be 0..4 in order'),
    /** The level that handles a complaint of each grade. */
    handlerLevelByGrade: byGrade(escalationLevelSchema),
  }),

  calendar: z.object({
    /** Days off in addition to the national calendar (local closures, late notices). */
    extraHolidays: z.array(isoDaySchema).max(3660),
    /** Days on in addition to the national calendar (调休 not yet in the table). */
    extraWorkdays: z.array(isoDaySchema).max(3660),
  }),
});

export type Policy = z.infer<typeof policySchema>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of domain.md. Frozen: derive a changed policy with parsePolicy or a spread. */
export const defaultPolicy: Policy = deepFreeze({
  revision: 0,
  timeZone: 'Asia/Shanghai',
  dayEnd: '17:00',
  deadlines: {
    handlingWorkingDaysByGrade: { '1': 7, '2': 15, '3': 2, '4': 10 },
    acceptanceReviewWorkingDays: 2,
    initialVerificationHours: 24,
    writtenResultHours: 48,
    surveyWorkingDays: 2,
    surveyTrackingDays: 30,
    registrationHours: 24,
    progressFeedbackHours: 24,
    warningWindowHours: 4,
    warningWindowHoursByClock: { handling: 24 },
  },
  reception: {
    maxWaitSecondsOnOneIssue: 60,
  },
  secondResolution: {
    callbackDueDays: 1,
    callbackDayCounting: 'calendar',
    callbackMinSpacingHours: 3,
    maxCallbackAttempts: 3,
    maxAcceptanceAsksPerCall: 2,
    maxApologyCalls: 1,
    maxAgentsInvolved: 1,
  },
  assessment: {
    exemptionLimitPerTeamPerPeriod: 8,
    period: 'month',
  },
  repeatComplaint: {
    windowDays: 30,
  },
  urgentKeywords: {
    zh: [
      '人身安全', '生命危险', '受伤', '死亡', '自杀', '轻生', '火灾', '爆炸', '中毒',
      '重大损失', '巨额损失', '起诉', '律师', '法院', '诉讼', '报警', '公安',
      '媒体', '曝光', '记者', '工信部', '消协', '12315', '市长热线', '信访',
    ],
    en: [
      'personal safety', 'danger to life', 'injured', 'injury', 'death', 'suicide', 'fire',
      'explosion', 'poisoning', 'major loss', 'lawsuit', 'sue', 'lawyer', 'court', 'legal action',
      'police', 'media', 'journalist', 'regulator',
    ],
  },
  withdrawal: {
    doubtfulGrades: [3],
    doubtfulCustomerTypes: ['vip', 'professional'],
    threatKeywords: {
      zh: ['媒体', '曝光', '记者', '电视台', '微博', '工信部', '消协', '12315', '市长热线', '信访', '投诉到上级', '监管'],
      en: ['media', 'journalist', 'newspaper', 'tv', 'regulator', 'ombudsman', 'consumer association'],
    },
  },
  refund: {
    authorityAmount: 50,
    currency: 'CNY',
  },
  survey: {
    scaleMax: 5,
  },
  feedback: {
    resultInWriting: false,
  },
  workOrder: {
    subjectByCategory: {
      attitude: '投诉申告-服务质量-10086热线',
      business_error: '投诉申告-服务质量-10086热线',
      process: '投诉申告-服务质量-10086热线',
      product_quality: '投诉申告-产品质量-10086热线',
      price: '投诉申告-价格-10086热线',
      delivery_delay: '投诉申告-交货延误-10086热线',
      other: '投诉申告-其他-10086热线',
    },
  },
  retention: {
    // domain.md names retention limits without a number: two years after closing,
    // long enough for disputes and the yearly assessment, documented in docs/policies.md.
    erasePersonalAfterMonths: 24,
  },
  sync: {
    hlcMaxSkewMs: 5 * 60 * 1000,
  },
  businessDates: {
    // Ten years back covers the retention period and late-typed letters; an
    // hour ahead covers a wrong clock or time zone, and a callback is planned
    // within a year.
    maxPastDays: 3660,
    maxAheadMinutes: 60,
    plannedMaxAheadDays: 366,
  },
  escalation: {
    ladder: [
      { level: 0, role: 'agent' },
      { level: 1, role: 'team_lead' },
      { level: 2, role: 'complaint_officer' },
      { level: 3, role: 'supervisor' },
      { level: 4, role: 'director' },
    ],
    handlerLevelByGrade: { '1': 0, '2': 3, '3': 4, '4': 2 },
  },
  calendar: {
    extraHolidays: [],
    extraWorkdays: [],
  },
} satisfies Policy);

export type ParsePolicyResult =
  | { ok: true; policy: Policy }
  | { ok: false; issues: { path: string; message: string }[] };

/** Objects merge key by key; arrays and scalars replace. */
function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeOver(base[k], v);
  return out;
}

/**
 * Validates a policy from the wire. Missing fields take their defaults, so a
 * workstation on a newer build still reads an older server's policy; present
 * fields must be valid or the whole policy is refused (never half-applied).
 */
export function parsePolicy(raw: unknown, options: { fillDefaults?: boolean } = {}): ParsePolicyResult {
  const fill = options.fillDefaults ?? true;
  const input = fill && isPlainObject(raw) ? mergeOver(defaultPolicy, raw) : raw;
  const result = policySchema.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

/**
 * An administrator's partial change applied over the current policy (not over
 * the defaults), validated as a whole.
 */
export function parsePolicyPatch(current: Policy, patch: unknown): ParsePolicyResult {
  if (!isPlainObject(patch)) return parsePolicy(patch, { fillDefaults: false });
  return parsePolicy(mergeOver(current, patch), { fillDefaults: false });
}

export function handlingWorkingDays(policy: Policy, grade: Grade): number {
  return policy.deadlines.handlingWorkingDaysByGrade[grade];
}

export function warningWindowMs(policy: Policy, clock?: (typeof DEADLINE_CLOCKS)[number]): number {
  const byClock = clock === undefined ? undefined : policy.deadlines.warningWindowHoursByClock[clock];
  return (byClock ?? policy.deadlines.warningWindowHours) * 3_600_000;
}
