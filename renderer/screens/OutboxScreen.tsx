import { useTranslation } from 'react-i18next';
import { useOutbox } from '../hooks/use-outbox';
import { useReference } from '../hooks/use-reference';
import { useSyncState } from '../hooks/use-sync-state';
import { formatDateTime } from '../i18n/format-date';
import { useUiStore } from '../state/ui-store';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { OutboxTable } from '../components/OutboxTable';

/** Local changes waiting for the server and, behind a branch hub, for central's confirmation. */
export function OutboxScreen() {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const rows = useOutbox();
  const behindHub = useSyncState().upstream !== null;
  const reference = useReference();
  const select = useUiStore((s) => s.select);
  const waiting = rows.some((r) => r.sync === 'pending' || r.sync === 'at_hub');
  return (
    <section aria-label={an.either('Outbox', t('outbox.title'))}>
      <h1>{t('outbox.title')}</h1>
      <p className="hint">{t(behindHub ? 'outbox.introHub' : 'outbox.intro')}</p>
      {!waiting && <p className="empty">{t(behindHub ? 'outbox.emptyHub' : 'outbox.empty')}</p>}
      {rows.length > 0 && <OutboxTable rows={rows} when={(iso) => formatDateTime(iso, reference.policy.timeZone)} onOpen={select} />}
    </section>
  );
}
