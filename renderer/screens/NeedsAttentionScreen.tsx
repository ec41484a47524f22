import { useTranslation } from 'react-i18next';
import { useReference } from '../hooks/use-reference';
import { useRejectedEvents } from '../hooks/use-rejected-events';
import { formatDateTime } from '../i18n/format-date';
import { useUiStore } from '../state/ui-store';
import { adviceFor } from './attention/advice';

/** Changes the server refused, with its reason in plain words and what to do. They never vanish. */
export function NeedsAttentionScreen() {
  const { t, i18n } = useTranslation();
  const rejected = useRejectedEvents();
  const reference = useReference();
  const select = useUiStore((s) => s.select);
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  return (
    <section aria-label="Needs attention">
      <h1>{t('attention.title')}</h1>
      <p className="hint">{t('attention.intro')}</p>
      {rejected.length === 0 ? (
        <p className="empty">{t('attention.empty')}</p>
      ) : (
        rejected.map((r) => (
          <div key={r.event.id} className="card">
            <div className="card-head">
              <strong className="num">{r.complaintNumber ?? r.event.complaintId}</strong>
              <span>{label(r.event.type)}</span>
              <span className="hint">{formatDateTime(r.event.occurredAt, reference.policy.timeZone)}</span>
            </div>
            <div className="notice error">
              {r.reason.message} <span className="hint">({r.reason.code})</span>
            </div>
            <div>
              <strong>{t('attention.what')}:</strong> {t(`attention.advice.${adviceFor(r.reason.code)}`)}
            </div>
            <div className="actions-row">
              <button type="button" className="btn" onClick={() => select(r.event.complaintId)}>
                {t('attention.open')}
              </button>
            </div>
          </div>
        ))
      )}
    </section>
  );
}
