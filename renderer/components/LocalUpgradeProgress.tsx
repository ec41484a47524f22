import { useTranslation } from 'react-i18next';
import type { UpgradeProgress } from '../data/schema/migrate-collections';

/**
 * A local schema upgrade while the replica opens: documents carried over so
 * far of the total, so a long upgrade reads as progress, not a frozen window.
 * The replica is not used until it finishes, and the text says so.
 */
export function LocalUpgradeProgress({ progress }: { progress: UpgradeProgress }) {
  const { t } = useTranslation();
  return (
    <div className="local-upgrade" role="status" aria-busy="true">
      <progress max={Math.max(1, progress.total)} value={Math.min(progress.handled, progress.total)} aria-hidden="true" />{' '}
      {t('app.upgrading', { handled: progress.handled, total: progress.total })} ({t('app.upgradingWait')})
    </div>
  );
}
