import { useTranslation } from 'react-i18next';
import type { OutboxRow } from '../data/types/sync';
import { useAccessibleName } from '../i18n/use-accessible-name';

interface Props {
  rows: readonly OutboxRow[];
  /** A time as the centre reads it. */
  when(iso: string): string;
  onOpen(complaintId: string): void;
}

/** One mark per state, each saying no more than is true: saved here, saved at the hub, confirmed by central. */
function SyncMark({ sync }: { sync: OutboxRow['sync'] }) {
  const { t } = useTranslation();
  if (sync === 'pending') return <span className="badge pending">⟳ {t('detail.pending')}</span>;
  if (sync === 'at_hub') return <span className="badge pending">{t('detail.atHub')}</span>;
  if (sync === 'central') return <span className="badge">✓ {t('detail.confirmedByCentral')}</span>;
  return null;
}

/** The outbox's list: each local change, its complaint, when, and how far it got. */
export function OutboxTable({ rows, when, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  return (
    <table className="list" aria-label={an.either('Pending changes', t('outbox.title'))}>
      <thead>
        <tr>
          <th>{t('outbox.complaint')}</th>
          <th>{t('outbox.event')}</th>
          <th>{t('outbox.state')}</th>
          <th>{t('outbox.when')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.event.id} data-sync={p.sync} onClick={() => onOpen(p.event.complaintId)} style={{ cursor: 'pointer' }}>
            <td className="num">
              <button type="button" className="btn" onClick={() => onOpen(p.event.complaintId)}>
                {p.complaintNumber ?? p.event.complaintId}
              </button>
            </td>
            <td>{label(p.event.type)}</td>
            <td>
              <SyncMark sync={p.sync} />
            </td>
            <td>{when(p.event.occurredAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
