import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../data/types/queue';
import type { SessionUser } from '../data/types/session';
import { useNow } from '../hooks/use-now';
import { usePendingEvents } from '../hooks/use-pending-events';
import { useReference } from '../hooks/use-reference';
import { ComplaintGrid } from '../components/ComplaintGrid';
import { useUiStore } from '../state/ui-store';
import { wideScope } from '../app/default-scope';
import { useAccessibleName } from '../i18n/use-accessible-name';

/**
 * The officer's worklist: filed work orders to notify, callbacks to review,
 * investigations, resolutions and closings. The actions open in the detail.
 */
export function ReviewScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const reference = useReference();
  const now = useNow(30_000);
  const pending = usePendingEvents();
  const selectedId = useUiStore((s) => s.selectedId);
  const select = useUiStore((s) => s.select);
  const filter = useMemo<QueueFilter>(
    () => ({ scope: wideScope(user.role), status: ['filed', 'callback_pending', 'in_progress', 'resolved'], sort: 'deadline' }),
    [user.role],
  );
  const pendingIds = useMemo(() => new Set(pending.map((p) => p.event.complaintId)), [pending]);
  return (
    <section aria-label={an.either('Review', t('review.title'))}>
      <h1>{t('review.title')}</h1>
      <ComplaintGrid filter={filter} selectedId={selectedId} onOpen={select} now={now} policy={reference.policy} pendingIds={pendingIds} />
    </section>
  );
}
