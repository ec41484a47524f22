import { useTranslation } from 'react-i18next';
import type { FirstSyncProgress as Progress } from '../data/types/sync';

/**
 * An empty workstation's first sync as the sync bar shows it: complaints and
 * events on this workstation so far of the server's total, the time left at
 * the rate so far, and that intake need not wait.
 */
export function FirstSyncProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const ms = progress.msLeft;
  const left = ms === null ? null : ms >= 60_000 ? t('sync.timeLeftMin', { count: Math.ceil(ms / 60_000) }) : t('sync.timeLeftSec', { count: Math.max(1, Math.ceil(ms / 1000)) });
  const sep = <span aria-hidden="true">{' · '}</span>;
  return (
    <span className="first-sync">
      {sep}
      <progress max={Math.max(1, progress.totalEvents)} value={Math.min(progress.events, progress.totalEvents)} aria-hidden="true" />{' '}
      {t('sync.firstSync', {
        complaints: progress.complaints,
        totalComplaints: progress.totalComplaints,
        events: progress.events,
        totalEvents: progress.totalEvents,
      })}
      {left && <>, {left}</>} ({t('sync.firstSyncIntake')})
    </span>
  );
}
