import { useTranslation } from 'react-i18next';
import type { HubLink } from '../../shared/protocol/hub';

/** One row per hub: its branch, whether it is connected, its last contact, and the events waiting at it. */
export function HubLinksTable({ links, when }: { links: readonly HubLink[]; when: (iso: string) => string }) {
  const { t } = useTranslation();
  return (
    <table className="list">
      <tbody>
        {links.map((l) => (
          <tr key={l.id} data-hub={l.username}>
            <td>{l.branchId ?? ''}</td>
            <td>{l.username}</td>
            <td>
              <span className={`badge ${l.connected ? 'online' : 'offline'}`}>{t(l.connected ? 'hubs.connected' : 'hubs.disconnected')}</span>
            </td>
            <td>{l.lastContactAt ? t('hubs.lastContact', { when: when(l.lastContactAt) }) : t('hubs.never')}</td>
            <td>{l.pendingUp !== null && l.pendingUp > 0 ? t('hubs.waiting', { count: l.pendingUp }) : t('hubs.upToDate')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
