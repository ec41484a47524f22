import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { formatDateTime } from '../../i18n/format-date';

interface Props {
  complaint: ComplaintProjection;
  timeZone: string;
  who(actorId: string): string;
}

const STEPS = ['calmed', 'understood', 'offeredSolution'] as const;

/** The soothing as the agent recorded it, read-only: each step said in words, not by a mark alone. */
export function SoothingSummary({ complaint: c, timeZone, who }: Props) {
  const { t } = useTranslation();
  const s = c.soothing;
  if (!s) {
    return (
      <section className="soothing-summary" aria-label={t('soothing.readOnlyTitle')}>
        <h3>{t('soothing.readOnlyTitle')}</h3>
        <p className="hint">{t('soothing.notRecorded')}</p>
      </section>
    );
  }
  const actor = c.timeline.find((e) => e.eventId === s.eventId)?.actorId;
  return (
    <section className="soothing-summary" aria-label={t('soothing.readOnlyTitle')}>
      <h3>{t('soothing.readOnlyTitle')}</h3>
      <ul className="steps-done">
        {STEPS.map((k) => (
          <li key={k} className={s.steps[k] ? 'done' : 'missing'}>
            <span aria-hidden="true">{s.steps[k] ? '✓' : '✗'}</span>{' '}
            {s.steps[k] ? t(`soothing.${k}`) : t('soothing.stepNotDone', { step: t(`soothing.${k}`) })}
          </li>
        ))}
      </ul>
      <dl className="kv">
        <dt>{t('soothing.outcome')}</dt>
        <dd>{t(`soothing.outcomes.${s.outcome}`)}</dd>
        <dt>{t('soothing.emotion')}</dt>
        <dd>{t('soothing.emotions', { before: t(`emotions.${s.emotionBefore}`), after: t(`emotions.${s.emotionAfter}`) })}</dd>
        {s.withdrawalReason && (
          <>
            <dt>{t('soothing.withdrawalReason')}</dt>
            <dd>{s.withdrawalReason}</dd>
          </>
        )}
        {s.complainedSerial && (
          <>
            <dt>{t('soothing.complainedSerial')}</dt>
            <dd>{s.complainedSerial}</dd>
          </>
        )}
      </dl>
      {s.withoutSoothingConfirmed && <p className="notice warn">{t('soothing.confirmedMissing')}</p>}
      <p className="hint">{t('soothing.recordedBy', { who: actor ? who(actor) : '—', when: formatDateTime(s.at, timeZone) })}</p>
    </section>
  );
}
