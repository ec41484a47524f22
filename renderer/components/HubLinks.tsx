import { useTranslation } from 'react-i18next';
import { useHubLinks } from '../hooks/use-hub-links';
import { formatDateTime } from '../i18n/format-date';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { HubLinksTable } from './HubLinksTable';

/** The branch hubs of this server and their links; nothing when there are none (or the server cannot say). */
export function HubLinks({ timeZone }: { timeZone: string }) {
  const links = useHubLinks();
  const { t } = useTranslation();
  const an = useAccessibleName();
  if (!links || links.length === 0) return null;
  return (
    <section aria-label={an.either('Branch hubs', t('hubs.title'))} className="attention-list">
      <h2>{t('hubs.title')}</h2>
      <HubLinksTable links={links} when={(iso) => formatDateTime(iso, timeZone)} />
    </section>
  );
}
