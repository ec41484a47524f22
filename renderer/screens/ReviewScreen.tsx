import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../data/types/queue';
import type { SessionUser } from '../data/types/session';
import { useGridContext } from '../hooks/use-grid-context';
import { ComplaintGrid } from '../components/ComplaintGrid';
import { wideScope } from '../app/default-scope';
import { useAccessibleName } from '../i18n/use-accessible-name';

/**
 * The officer's worklist: filed work orders to notify, callbacks to review,
 * investigations, resolutions and closings. The actions open in the detail.
 */
export function ReviewScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const grid = useGridContext();
  const filter = useMemo<QueueFilter>(
    () => ({ scope: wideScope(user.role), status: ['filed', 'callback_pending', 'in_progress', 'resolved'], sort: 'deadline' }),
    [user.role],
  );
  return (
    <section aria-label={an.either('Review', t('review.title'))}>
      <h1>{t('review.title')}</h1>
      <ComplaintGrid filter={filter} {...grid} />
    </section>
  );
}
