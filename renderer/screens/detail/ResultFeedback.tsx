import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { formatDateTime } from '../../i18n/format-date';

/**
 * Feedback to the complainant as the fold counts it: when progress is next
 * due, whether the result was told (or why not), and every clock the closing
 * cut short, breached or exempt with its reason.
 */
export function ResultFeedback({ complaint: c, timeZone }: { complaint: ComplaintProjection; timeZone: string }) {
  const { t } = useTranslation();
  const progress = c.deadlines.nextProgressFeedback;
  const cut = c.flags.clocksCutShort ?? [];
  const told = c.resultNotifiedAt ?? null;
  const whyNot = c.resultNotToldReason ?? null;
  if (!progress && !told && !whyNot && cut.length === 0) return null;
  return (
    <ul className="result-feedback" style={{ listStyle: 'none', padding: 0, margin: '4px 0 0', fontSize: 12 }}>
      {progress && <li>{t('feedback.nextProgress', { when: formatDateTime(progress, timeZone) })}</li>}
      {told && <li>{t('feedback.resultTold', { when: formatDateTime(told, timeZone) })}</li>}
      {whyNot && <li>{t('feedback.resultNotTold', { reason: whyNot })}</li>}
      {cut.map((k) => (
        <li key={k.clock} className={k.outcome === 'breached' ? 'error' : 'hint'}>
          {t(`feedback.cutShort.${k.outcome}`, {
            clock: t(`clocks.${k.clock}`),
            due: formatDateTime(k.due, timeZone),
            reason: t(`feedback.cutReasons.${k.reason}`, { defaultValue: k.reason }),
          })}
        </li>
      ))}
    </ul>
  );
}
