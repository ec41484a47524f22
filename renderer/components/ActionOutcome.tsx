import { useTranslation } from 'react-i18next';
import { useEventState } from '../hooks/use-event-state';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { reasonText, type ReasonLike } from '../i18n/reason-text';

/** What an action came to: its event (when one was written) or the refusal before writing. */
export type Outcome =
  | { what: string; eventId: string; n: number }
  | { what: string; refused: ReasonLike; eventType?: string; n: number };

interface Props {
  outcome: Outcome | null;
  onDismiss(): void;
}

/**
 * Says in words, and looks different for, the three states an action can be
 * in: saved on this workstation, confirmed by the server, refused and why.
 * The state follows the server's answer live; nothing is called done before.
 */
export function ActionOutcome({ outcome, onDismiss }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const eventId = outcome && 'eventId' in outcome ? outcome.eventId : null;
  const state = useEventState(eventId);
  if (!outcome) return <div className="flash-idle" role="status" aria-label={an.of('actionStatus')} />;

  let kind: 'pending' | 'ok' | 'error';
  let text: string;
  if ('refused' in outcome) {
    kind = 'error';
    text = `${t('outcome.refusedWhat', { what: outcome.what, reason: reasonText(t, outcome.refused, outcome.eventType) })} ${t('outcome.notWritten')}`;
  } else if (state.sync === 'rejected') {
    kind = 'error';
    text = t('outcome.refusedWhat', {
      what: outcome.what,
      reason: reasonText(t, state.reason ?? { code: 'illegal_state', message: '' }, state.type ?? undefined),
    });
  } else if (state.sync === 'synced') {
    kind = 'ok';
    text = t('outcome.confirmed', { what: outcome.what });
  } else {
    kind = 'pending';
    text = t('outcome.savedHere', { what: outcome.what });
  }
  const icon = kind === 'ok' ? '✓' : kind === 'error' ? '✕' : '⏳';
  return (
    <div
      className={`notice outcome outcome-${kind} ${kind === 'ok' ? 'ok' : kind === 'error' ? 'error' : 'pending'}`}
      role={kind === 'error' ? 'alert' : 'status'}
      aria-label={an.of('actionStatus')}
      data-outcome={kind === 'ok' ? 'confirmed' : kind === 'error' ? 'refused' : 'saved-here'}
    >
      <span>
        <span aria-hidden="true">{icon}</span> {text}
      </span>
      <button type="button" aria-label={t('detail.dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
