import { z } from 'zod';
import { deadlineClockSchema } from '../deadlines/clocks';

/**
 * Field shapes shared by several payloads. Every string is bounded so a
 * hostile or broken client cannot push megabytes through one field.
 */

export const LIMITS = {
  id: 64,
  name: 100,
  phone: 32,
  shortText: 200,
  reason: 1000,
  text: 5000,
  description: 10_000,
  listItems: 50,
} as const;

export const idSchema = z.string().min(1).max(LIMITS.id);

/** Not empty and not only whitespace: a reason of three spaces is no reason. */
export function text(max: number) {
  return z.string().max(max).regex(/\S/, { message: 'Must not be empty or blank' });
}

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const CHANNELS = ['phone', 'email', 'web', 'wechat', 'letter', 'walk_in'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const CUSTOMER_TYPES = ['ordinary', 'vip', 'professional'] as const;
export const customerTypeSchema = z.enum(CUSTOMER_TYPES);
export type CustomerType = z.infer<typeof customerTypeSchema>;

/** How a customer is addressed: 先生 or 女士. */
export const CUSTOMER_TITLES = ['mr', 'ms'] as const;
export const customerTitleSchema = z.enum(CUSTOMER_TITLES);
export type CustomerTitle = z.infer<typeof customerTitleSchema>;

export const CATEGORIES = [
  'attitude',
  'business_error',
  'process',
  'product_quality',
  'price',
  'delivery_delay',
  'other',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** Events carry them and the policy's tables are keyed by them: one definition for both. */
export const GRADES = [1, 2, 3, 4] as const;
export const gradeSchema = z.literal(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/** 0 agent, 1 team lead, 2 complaint officer, 3 supervisor, 4 director. */
export const ESCALATION_LEVELS = [0, 1, 2, 3, 4] as const;
export const escalationLevelSchema = z.literal(ESCALATION_LEVELS);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const EMOTIONS = ['calm', 'anxious', 'dissatisfied', 'angry', 'satisfied'] as const;
export const emotionSchema = z.enum(EMOTIONS);
export type Emotion = z.infer<typeof emotionSchema>;

export const FINDINGS = ['established', 'partially', 'not_established'] as const;
export const findingSchema = z.enum(FINDINGS);
export type Finding = z.infer<typeof findingSchema>;

/** Call recording serial numbers (流水号). */
export const serialSchema = text(LIMITS.id);

/** A deadline clock as shared/deadlines names them (e.g. `handling`, `callback`). */
export const clockNameSchema = deadlineClockSchema;

export const phoneSchema = z
  .string()
  .min(3)
  .max(LIMITS.phone)
  .regex(/^[+(]?[0-9][0-9 ()#*-]*$/, { message: 'Phone may hold digits, spaces, + - ( ) # * only' });

export function boundedList<T extends z.ZodType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).max(max);
}
