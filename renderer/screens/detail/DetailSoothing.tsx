import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { commands } from '../../data/commands';
import type { Reference } from '../../data/types/reference';
import type { SessionUser } from '../../data/types/session';
import { emptyDraft } from '../../state/intake-draft';
import { workOrderSubject } from '../../../shared/rules/work-order-subject';
import { SoothingPanel, type SoothingValue } from '../../components/SoothingPanel';
import { withdrawalDoubts } from '../../../shared/rules/withdrawal-doubt';
import { issuePhrase } from '../../components/script-issue';

interface Props {
  complaint: ComplaintProjection;
  user: SessionUser;
  reference: Reference;
  /** Told of the recorded outcome: the panel goes away with the "registered" state. */
  onDone(what: string, eventId: string | null): void;
}

/**
 * The soothing panel beside a registered complaint whose call outcome is not
 * recorded yet (say, the workstation restarted mid-call).
 */
export function DetailSoothing({ complaint: c, user, reference, onDone }: Props) {
  const { t } = useTranslation();
  // A second call on the same complaint starts from what was recorded before.
  const [value, setValue] = useState<SoothingValue>(() => {
    const blank = emptyDraft().soothing;
    const s = c.soothing;
    return s
      ? { ...blank, ...s.steps, emotionBefore: s.emotionBefore, emotionAfter: s.emotionAfter, withdrawalReason: s.withdrawalReason ?? '' }
      : blank;
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: false; text: string } | null>(null);

  const payload = (outcome: 'withdrawn' | 'not_accepted', confirmed: boolean, reason = '') => ({
    steps: { calmed: value.calmed, understood: value.understood, offeredSolution: value.offeredSolution },
    emotionBefore: value.emotionBefore,
    emotionAfter: value.emotionAfter,
    ...(value.scriptId ? { scriptId: value.scriptId } : {}),
    outcome,
    ...(confirmed ? { withoutSoothingConfirmed: true } : {}),
    ...(outcome === 'withdrawn' && reason.trim() ? { withdrawalReason: reason.trim() } : {}),
    // The complained-about call's serial, not the serial of the call that took the complaint.
    ...(outcome === 'withdrawn' && c.complainedSerial ? { complainedSerial: c.complainedSerial } : {}),
  });

  const run = async (outcome: 'withdrawn' | 'not_accepted', confirmed: boolean, reason = '') => {
    setBusy(true);
    try {
      const r1 = await commands.recordSoothing(c.id, payload(outcome, confirmed, reason));
      let last: string | null = r1.ok ? r1.eventId : null;
      if (!r1.ok) return setMessage({ ok: false, text: t('detail.failed', { message: r1.message ?? t(`errors.${r1.error}`) }) });
      if (outcome === 'not_accepted') {
        const r2 = await commands.fileWorkOrder(c.id, { subject: workOrderSubject(c.category, reference.policy) });
        if (!r2.ok) return setMessage({ ok: false, text: t('detail.failed', { message: r2.message ?? t(`errors.${r2.error}`) }) });
        last = r2.eventId;
      }
      setMessage(null);
      onDone(t(outcome === 'withdrawn' ? 'soothing.withdrawn' : 'soothing.filed'), last);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <SoothingPanel
        value={value}
        onChange={(change) => setValue((v) => ({ ...v, ...change }))}
        customerName={c.complainant?.name ?? ''}
        jobNumber={user.jobNumber ?? user.username}
        issue={issuePhrase(t, c.subCategory, c.category)}
        category={c.category ?? ''}
        scripts={reference.scripts}
        busy={busy}
        onWithdrew={(reason) => void run('withdrawn', false, reason)}
        withdrawalDoubts={withdrawalDoubts(
          {
            grade: c.grade,
            customerType: c.complainant?.customerType ?? null,
            text: `${c.description ?? ''}\n${c.demands ?? ''}`,
          },
          reference.policy,
        )}
        onFile={(confirmed) => void run('not_accepted', confirmed)}
        message={message && <div className="notice error" role="alert">{message.text}</div>}
      />
    </div>
  );
}
