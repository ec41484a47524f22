import { ACCEPTED_THEN_MOVED } from '../../../shared/protocol/reasons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { availableActions, transferredAway, type ActionId } from '../../../shared/rules/available-actions';
import { commands } from '../../data/commands';
import type { RejectedEvent } from '../../data/types/sync';
import type { Reference } from '../../data/types/reference';
import type { SessionUser } from '../../data/types/session';
import { useComplaint } from '../../hooks/use-complaint';
import { formatDateTime } from '../../i18n/format-date';
import { reasonText } from '../../i18n/reason-text';
import { useUiStore } from '../../state/ui-store';
import { adviceFor } from './advice';
import { useAccessibleName } from '../../i18n/use-accessible-name';

/** The detail's action titles, for the "allowed now" list. */
const ACTION_TITLE: Partial<Record<ActionId, string>> = {
  escalate: 'detail.escalate',
  note: 'detail.addNote',
  transfer: 'detail.transfer',
  assign: 'detail.assign',
  midCourseNote: 'callbacks.midCourse',
  callbackAttempt: 'callbacks.logAttempt',
  officerReview: 'review.reviewCallback',
  investigation: 'review.investigation',
  resolution: 'review.resolution',
  close: 'review.close',
  reopen: 'review.reopen',
  reverseWithdrawal: 'withdrawal.reverse',
};

interface Props {
  item: RejectedEvent;
  user: SessionUser;
  reference: Reference;
  now: string;
}

/**
 * One refused change (or one a hub refused and central accepted after all): the server's reason in the user's language, advice
 * that fits it and the complaint as it is now, and two ways out: redo it as
 * something allowed now, or dismiss it with a reason that is kept.
 */
export function AttentionItem({ item: r, user, reference, now }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const select = useUiStore((s) => s.select);
  const go = useUiStore((s) => s.go);
  const { complaint } = useComplaint(r.event.complaintId);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  const away = complaint ? transferredAway(user, complaint) : null;
  const branchName = (id: string) => {
    const b = reference.branches.find((x) => x.id === id);
    return b ? (i18n.language === 'en' && b.nameEn ? b.nameEn : b.name) : id;
  };
  const advice = adviceFor(r.reason.code, { transferredAway: away !== null });
  const allowed = complaint
    ? [...availableActions(user, complaint, { policy: reference.policy, calendar: reference.calendar }, now)].filter((a) => ACTION_TITLE[a])
    : [];

  // Redone: this user's own change on the complaint that the fold applied after the refused one.
  const redoneAs = complaint?.timeline.find(
    (e) => e.actorId === user.id && e.state === 'applied' && e.hlc > r.event.hlc && e.type !== 'note.added',
  );

  const dismiss = async (why = reason) => {
    if (!why.trim()) {
      setError(t('detail.required', { field: t('detail.reason') }));
      return;
    }
    const note = t('attentionFix.noteText', { what: label(r.event.type), refused: reasonText(t, r.reason, r.event.type), reason: why.trim() });
    const result = await commands.dismissRejected(r.event.id, why.trim(), note);
    if (!result.ok) setError(t('detail.failed', { message: result.message ?? t(`errors.${result.error}`) }));
  };

  return (
    <div className="card" data-event-id={r.event.id}>
      <div className="card-head">
        <strong className="num">{r.complaintNumber ?? r.event.complaintId}</strong>
        <span>{label(r.event.type)}</span>
        <span className="hint">{formatDateTime(r.event.occurredAt, reference.policy.timeZone)}</span>
      </div>
      {/* Not a refusal: central accepted what the hub had refused, on a complaint since moved (docs/branch-hub.md); nothing to redo. */}
      {r.reason.code === ACCEPTED_THEN_MOVED ? (
        <div className="notice ok">{t('outcome.acceptedThenMoved')}</div>
      ) : (
        <div className="notice error">{t('outcome.refused', { reason: reasonText(t, r.reason, r.event.type) })}</div>
      )}
      <div className="hint">{t('attentionFix.serverSaid', { message: r.reason.message, code: r.reason.code })}</div>
      <div>
        <strong>{t('attention.what')}:</strong>{' '}
        {advice === 'transferred' && away
          ? t('attentionFix.transferred', { branch: branchName(away.toBranchId) })
          : t(`attention.advice.${advice}`)}
      </div>
      {allowed.length > 0 && (
        <div className="hint">
          {t('attentionFix.allowedNow', { actions: allowed.map((a) => t(ACTION_TITLE[a]!)).join(t('withdrawal.doubt.separator')) })}
        </div>
      )}
      {redoneAs && (
        <div className="notice ok">
          {t('attentionFix.redoneAs', { what: label(redoneAs.type) })}{' '}
          <button type="button" className="btn" onClick={() => void dismiss(t('attentionFix.redoneAs', { what: label(redoneAs.type) }))}>
            {t('attentionFix.resolved')}
          </button>
        </div>
      )}
      <div className="actions-row">
        {allowed.length > 0 && (
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              go('queue');
              select(r.event.complaintId);
            }}
          >
            {t('attentionFix.redo')}
          </button>
        )}
        {!allowed.length && (
          <button type="button" className="btn" onClick={() => select(r.event.complaintId)}>
            {t('attention.open')}
          </button>
        )}
        <button type="button" className="btn" aria-expanded={dismissing} onClick={() => setDismissing((d) => !d)}>
          {t('attentionFix.dismiss')}
        </button>
      </div>
      {dismissing && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void dismiss();
          }}
        >
          <label>
            <span className="required">{t('attentionFix.dismissReason')}</span>
            <input aria-label={an.either('Dismissal reason', t('attentionFix.dismissReason'))} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="hint">{away ? t('attentionFix.keptHere') : t('attentionFix.keptOnRecord')}</div>
          {error && (
            <div className="notice error" role="alert">
              {error}
            </div>
          )}
          <div>
            <button type="submit" className="btn primary">
              {t('attentionFix.confirmDismiss')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
