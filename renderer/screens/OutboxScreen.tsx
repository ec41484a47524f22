import { useTranslation } from 'react-i18next';
import { usePendingEvents } from '../hooks/use-pending-events';
import { useReference } from '../hooks/use-reference';
import { formatDateTime } from '../i18n/format-date';
import { useUiStore } from '../state/ui-store';
import { useAccessibleName } from '../i18n/use-accessible-name';

/** Local changes waiting for the server. */
export function OutboxScreen() {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const pending = usePendingEvents();
  const reference = useReference();
  const select = useUiStore((s) => s.select);
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  return (
    <section aria-label={an.either('Outbox', t('outbox.title'))}>
      <h1>{t('outbox.title')}</h1>
      <p className="hint">{t('outbox.intro')}</p>
      {pending.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <table className="list" aria-label={an.either('Pending changes', t('outbox.title'))}>
          <thead>
            <tr>
              <th>{t('outbox.complaint')}</th>
              <th>{t('outbox.event')}</th>
              <th>{t('outbox.when')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p) => (
              <tr key={p.event.id} onClick={() => select(p.event.complaintId)} style={{ cursor: 'pointer' }}>
                <td className="num">
                  <button type="button" className="btn" onClick={() => select(p.event.complaintId)}>
                    {p.complaintNumber ?? p.event.complaintId}
                  </button>
                </td>
                <td>
                  {label(p.event.type)} <span className="badge pending">⟳ {t('detail.pending')}</span>
                </td>
                <td>{formatDateTime(p.event.occurredAt, reference.policy.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
