import type { ComplaintCreatedPayload } from '../../../shared/events/catalogue';
import { LIMITS, phoneSchema } from '../../../shared/events/fields';
import type { Grade } from '../../../shared/events/fields';
import type { IntakeDraft } from '../../state/intake-draft';
import { failedAcceptanceConditions, type AcceptanceCondition } from '../../../shared/rules/acceptance-conditions';

export type IntakeField =
  | 'customerName'
  | 'phone'
  | 'address'
  | 'channel'
  | 'customerType'
  | 'customerTitle'
  | 'category'
  | 'subCategory'
  | 'description'
  | 'demands'
  | 'respondentDepartment'
  | 'respondentAgents'
  | 'incidentAt'
  | 'incidentPlace'
  | 'callSerial'
  | 'complainedSerial'
  | 'receivedAt';

export type FieldError = 'required' | 'phone' | 'tooLong' | 'future';
export type IntakeErrors = Partial<Record<IntakeField, FieldError>>;

const MAX: Partial<Record<IntakeField, number>> = {
  customerName: LIMITS.name,
  address: LIMITS.shortText,
  subCategory: LIMITS.name,
  description: LIMITS.description,
  demands: LIMITS.text,
  respondentDepartment: LIMITS.name,
  incidentPlace: LIMITS.shortText,
  callSerial: LIMITS.id,
  complainedSerial: LIMITS.id,
};

/** Only a phone call has a serial of its own; a letter, e-mail, web or WeChat complaint has none. */
export function hasCallSerial(channel: IntakeDraft['channel']): boolean {
  return channel === 'phone' || channel === '';
}

/**
 * When the centre received the complaint: the time typed, else for a call
 * the moment the draft was started (the call's start), else now. Every
 * deadline counts from it; undefined when a typed time cannot be read.
 */
export function receivedAtOf(d: IntakeDraft, timeZone: string, nowIso: string): string | undefined {
  if (d.receivedAt.trim() !== '') return localInputToIso(d.receivedAt.trim(), timeZone);
  if (d.channel === 'phone' && d.startedAt) return d.startedAt;
  return nowIso;
}

/**
 * What must be right before the complaint can be registered, as the shared
 * schema would say it. With the centre's zone and the time now, a typed
 * receipt time is checked too (readable, not in the future).
 */
export function validateIntake(d: IntakeDraft, clock?: { timeZone: string; nowIso: string }): IntakeErrors {
  const errors: IntakeErrors = {};
  if (clock && d.receivedAt.trim() !== '') {
    const received = receivedAtOf(d, clock.timeZone, clock.nowIso);
    if (received === undefined) errors.receivedAt = 'required';
    else if (Date.parse(received) > Date.parse(clock.nowIso) + 60_000) errors.receivedAt = 'future';
  }
  if (!d.customerName.trim()) errors.customerName = 'required';
  if (!d.phone.trim()) errors.phone = 'required';
  else if (!phoneSchema.safeParse(d.phone.trim()).success) errors.phone = 'phone';
  if (!d.channel) errors.channel = 'required';
  if (!d.customerType) errors.customerType = 'required';
  if (!d.category) errors.category = 'required';
  if (!d.description.trim()) errors.description = 'required';
  for (const [field, max] of Object.entries(MAX) as [IntakeField, number][]) {
    const value = d[field as keyof IntakeDraft];
    if (typeof value === 'string' && value.trim().length > max && !errors[field]) errors[field] = 'tooLong';
  }
  const agents = splitJobNumbers(d.respondentAgents);
  if (agents.length > 20 || agents.some((a) => a.length > 32)) errors.respondentAgents = 'tooLong';
  return errors;
}

/** "1001, 1002；1003" → ['1001', '1002', '1003'] (Chinese and Latin separators alike). */
export function splitJobNumbers(text: string): string[] {
  return text
    .split(/[\s,，;；、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The acceptance conditions the form can see for itself, by the rule the
 * fold applies on every replica (shared/rules/acceptance-conditions). The
 * agent decides; a failing condition is a warning and the reason offered for
 * "not accepted".
 */
export function failedAcceptance(d: IntakeDraft): AcceptanceCondition[] {
  return failedAcceptanceConditions({
    respondent: { department: d.respondentDepartment, agentJobNumbers: splitJobNumbers(d.respondentAgents) },
    description: d.description,
    phone: d.phone,
  });
}

/** A datetime-local value ('2026-11-23T09:30') read in the centre's time zone, as ISO. */
export function localInputToIso(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that instant, found by formatting the guess there.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (shown - guess)).toISOString();
}

/** The complaint.created payload the draft describes (the number is the data layer's to give). */
export function draftToPayload(
  d: IntakeDraft,
  grade: Grade,
  receivedAt: string,
  timeZone: string,
): Omit<ComplaintCreatedPayload, 'number'> {
  const t = (s: string) => s.trim();
  const agents = splitJobNumbers(d.respondentAgents);
  const occurredAt = localInputToIso(d.incidentAt, timeZone);
  const incident = {
    ...(occurredAt ? { occurredAt } : {}),
    ...(t(d.incidentPlace) ? { place: t(d.incidentPlace) } : {}),
  };
  const respondent = {
    ...(t(d.respondentDepartment) ? { department: t(d.respondentDepartment) } : {}),
    ...(agents.length ? { agentJobNumbers: agents } : {}),
  };
  return {
    channel: d.channel || 'phone',
    receivedAt,
    complainant: {
      name: t(d.customerName),
      phone: t(d.phone),
      ...(t(d.address) ? { address: t(d.address) } : {}),
      customerType: d.customerType || 'ordinary',
      ...(d.customerTitle ? { title: d.customerTitle } : {}),
    },
    ...(Object.keys(incident).length ? { incident } : {}),
    ...(Object.keys(respondent).length ? { respondent } : {}),
    category: d.category || 'other',
    ...(t(d.subCategory) ? { subCategory: t(d.subCategory) } : {}),
    grade,
    description: t(d.description),
    ...(t(d.demands) ? { demands: t(d.demands) } : {}),
    ...(hasCallSerial(d.channel) && t(d.callSerial) ? { callSerial: t(d.callSerial) } : {}),
    ...(t(d.complainedSerial) ? { complainedSerial: t(d.complainedSerial) } : {}),
  };
}
