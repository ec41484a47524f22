import type { TFunction } from 'i18next';
import type { Policy } from '../../shared/policy/policy';
import { roleForLevel } from '../../shared/rules/escalation-ladder';
import type { EscalationLevel } from '../../shared/events/fields';

export interface DetailHelpers {
  t: TFunction;
  policy: Policy;
  /** A user's display name (and job number). */
  who(userId: string): string;
  branchName(branchId: string): string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * What an event did, to whom and why, in words: the escalation's target
 * level and role and the clock that breached, the transfer's branch, the
 * assignee, the grade, the decision and the reasons given. Null when the
 * event's name says it all (or its payload is not on this workstation).
 */
export function describeEvent(type: string, payload: Record<string, unknown> | undefined, h: DetailHelpers): string | null {
  if (!payload) return null;
  const { t } = h;
  const parts: string[] = [];
  const why = (v: unknown) => {
    const s = str(v);
    if (s) parts.push(t('timelineText.why', { why: s }));
  };
  switch (type) {
    case 'complaint.escalated': {
      const level = Number(payload.toLevel) as EscalationLevel;
      parts.push(t('timelineText.escalatedTo', { level, role: t(`roles.${roleForLevel(h.policy, level)}`) }));
      if (payload.reason === 'breach' && str(payload.clock)) parts.push(t('timelineText.breached', { clock: t(`clocks.${String(payload.clock)}`) }));
      else if (payload.reason === 'grade') parts.push(t('timelineText.byGrade'));
      if (str(payload.toUserId)) parts.push(t('timelineText.toUser', { who: h.who(String(payload.toUserId)) }));
      why(payload.note);
      break;
    }
    case 'complaint.transferred':
      parts.push(t('timelineText.transferredTo', { branch: h.branchName(String(payload.toBranchId)) }));
      why(payload.reason);
      break;
    case 'complaint.assigned':
      parts.push(t('timelineText.assignedTo', { who: h.who(String(payload.assigneeId)) }));
      break;
    case 'complaint.graded':
      parts.push(t('timelineText.grade', { grade: `${String(payload.grade)} · ${t(`grades.${String(payload.grade)}`)}` }));
      why(payload.reason);
      break;
    case 'callback.attempted':
      parts.push(t(payload.reached ? 'timelineText.reached' : 'timelineText.notReached', { serial: String(payload.serial ?? '') }));
      break;
    case 'officer.reviewed':
      parts.push(t(payload.decision === 'revoked' ? 'review.revoke' : 'review.continueFlow'));
      why(payload.note);
      break;
    case 'soothing.recorded':
      if (payload.outcome !== 'not_accepted') why(payload.withdrawalReason);
      break;
    case 'complaint.reopened':
    case 'withdrawal.reversed':
    case 'complaint.not_accepted':
    case 'refund.denied':
    case 'complaint.redacted':
      why(payload.reason);
      break;
    case 'extension.granted':
      parts.push(t('timelineText.extended', { days: Number(payload.days) }));
      why(payload.reasonToldCustomer);
      break;
    default:
      return null;
  }
  return parts.length ? parts.join(t('withdrawal.doubt.separator')) : null;
}
