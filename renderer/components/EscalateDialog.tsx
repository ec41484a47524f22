import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationLevel } from '../../shared/events/fields';
import { TOP_LEVEL } from '../../shared/rules/escalation-ladder';
import { commands } from '../data/commands';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { reasonText } from '../i18n/reason-text';
import { Dialog } from './Dialog';

interface Props {
  complaintId: string;
  number: string;
  level: EscalationLevel;
  onClose(): void;
  /** Told of the event written (saved here; the caller follows the server's answer). */
  onDone?(eventId: string): void;
}

/** "Escalate": to whom and why; every escalation records who, to whom, why and when. */
export function EscalateDialog({ complaintId, number, level, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const targets = ([1, 2, 3, 4] as const).filter((l) => l > level && l <= TOP_LEVEL);
  const [toLevel, setToLevel] = useState<EscalationLevel>(targets[0] ?? TOP_LEVEL);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!reason.trim()) {
      setError(t('detail.required', { field: t('detail.reason') }));
      return;
    }
    setBusy(true);
    try {
      const r = await commands.escalate(complaintId, { toLevel, reason: reason.trim() });
      if (r.ok) {
        onDone?.(r.eventId);
        onClose();
      } else if (r.code) {
        const reason = reasonText(t, { code: r.code, message: r.message ?? '' }, 'complaint.escalated');
        setError(`${t('outcome.refused', { reason })} ${t('outcome.notWritten')}`);
      } else {
        setError(t('detail.failed', { message: r.message ?? t(`errors.${r.error}`) }));
      }
    } catch (err) {
      setError(t('detail.failed', { message: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={an.either('Escalate', t('detail.escalateTitle', { number }))} title={t('detail.escalateTitle', { number })} onClose={onClose}>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <label>
          {t('detail.escalateTo')}
          <select aria-label={t('detail.escalateTo')} value={toLevel} onChange={(e) => setToLevel(Number(e.target.value) as EscalationLevel)}>
            {targets.map((l) => (
              <option key={l} value={l}>{t(`levels.${l}`)}</option>
            ))}
          </select>
        </label>
        <label>
          <span className="required">{t('detail.reason')}</span>
          <textarea
            aria-label={an.of('reason')}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && <div className="notice error" role="alert">{error}</div>}
        <div className="actions-row">
          <button type="submit" className="btn primary" aria-label={an.of('confirm')} disabled={busy}>
            {t('detail.confirm')}
          </button>
          <button type="button" className="btn" aria-label={an.of('cancel')} onClick={onClose}>
            {t('detail.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
