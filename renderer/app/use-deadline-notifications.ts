import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../data/types/queue';
import type { SessionUser } from '../data/types/session';
import { useNow } from '../hooks/use-now';
import { useQueue } from '../hooks/use-queue';
import { useReference } from '../hooks/use-reference';
import { getPlatform } from '../platform';
import { useUiStore } from '../state/ui-store';
import { dueSoon } from './due-soon';

/**
 * Tells the user, through the OS, when one of their complaints is about to
 * breach a deadline; clicking the notification opens the complaint.
 */
export function useDeadlineNotifications(user: SessionUser): void {
  const { t } = useTranslation();
  const reference = useReference();
  const now = useNow(60_000);
  const filter = useMemo<QueueFilter>(
    () => ({ scope: user.role === 'agent' ? 'mine' : user.role === 'team_lead' ? 'team' : 'branch', sort: 'deadline', limit: 100 }),
    [user.role],
  );
  const { items } = useQueue(filter);
  const shown = useRef(new Set<string>());

  useEffect(() => {
    const platform = getPlatform();
    for (const d of dueSoon(items, Date.parse(now), reference.policy)) {
      const tag = `${d.complaint.id}:${d.clock}`;
      if (shown.current.has(tag)) continue;
      shown.current.add(tag);
      const left = t(`deadline.${d.status.kind}_${d.status.unit}`, { count: d.status.amount });
      platform
        .notify(t('notify.title'), t('notify.body', { number: d.complaint.number, clock: t(`clocks.${d.clock}`), left }), {
          complaintId: d.complaint.id,
          tag,
        })
        .catch(() => undefined);
    }
  }, [items, now, reference.policy, t]);

  useEffect(
    () =>
      getPlatform().onOpenComplaint((id) => {
        const ui = useUiStore.getState();
        if (ui.screen === 'new') ui.go('queue');
        ui.select(id);
      }),
    [],
  );
}
