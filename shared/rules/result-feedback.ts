import type { CustomerNotifiedPayload } from '../events/payloads/outcome';
import type { Policy } from '../policy/policy';

/** Channels that leave the customer something written. */
const WRITTEN_CHANNELS: readonly CustomerNotifiedPayload['channel'][] = ['sms', 'email', 'letter', 'wechat'];

export function toldInWriting(n: Pick<CustomerNotifiedPayload, 'channel' | 'written'>): boolean {
  return n.written ?? WRITTEN_CHANNELS.includes(n.channel);
}

export type NotificationKind = 'progress' | 'result' | 'result_not_in_writing';

/**
 * What a notification of the complainant counts as. Only the result told
 * after the resolution stops the written-result clock, and only in writing
 * where the policy says so (feedback.resultInWriting); any call before the
 * resolution, or one marked progress, is progress feedback.
 */
export function notificationKind(
  n: Pick<CustomerNotifiedPayload, 'channel' | 'written' | 'purpose'>,
  resolved: boolean,
  policy: Policy,
): NotificationKind {
  if (!resolved || n.purpose === 'progress') return 'progress';
  if (policy.feedback.resultInWriting && !toldInWriting(n)) return 'result_not_in_writing';
  return 'result';
}
