import { useTranslation } from 'react-i18next';
import type { SyncState } from '../data/types/sync';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { en } from '../i18n/resources/en';
import { formatDateTime } from '../i18n/format-date';
import { changesWaitLocally, syncActivity } from './sync-activity';
import { FirstSyncProgress } from './FirstSyncProgress';

interface Props {
  sync: SyncState;
  expired: boolean;
  timeZone: string;
  onSignInAgain(): void;
}

/**
 * The thin bar that always says where sync stands. Its text keeps the English
 * words "Online"/"Offline" and "N pending" in every language (automation and
 * monitoring read them); Chinese readers see the Chinese words beside them.
 * It never blocks work: nothing here is modal, and signing in again is offered, not forced.
 */
export function SyncBar({ sync, expired, timeZone, onSignInAgain }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const english = i18n.language === 'en';
  const state = sync.online ? 'online' : 'offline';
  const englishState = en.sync[state];
  const englishPending = `${sync.pending} pending`;
  const activity = syncActivity(sync, expired);
  const paused = activity === 'paused';
  const sep = <span aria-hidden="true">{' · '}</span>;
  return (
    <div className={`syncbar${paused ? ' is-paused' : ''}`} role="status" aria-label={an.of('syncStatus')}>
      <span className={state}>
        <span className="dot" aria-hidden="true" />
        {english ? englishState : (
          <>
            {t(`sync.${state}`)} <span lang="en" className="sr-only">{englishState}</span>
          </>
        )}
      </span>
      {activity && activity !== 'paused' && (
        <span className={`activity ${activity}`}>
          {sep}
          <span className="spin" aria-hidden="true">⟳</span> {t(`sync.${activity}`)}
        </span>
      )}
      {sync.firstSync && <FirstSyncProgress progress={sync.firstSync} />}
      <span data-pending={sync.pending} className={sync.pending > 0 ? 'waiting' : undefined}>
        {sep}
        {english ? englishPending : (
          <>
            {t('sync.pending', { count: sync.pending })} <span lang="en" className="sr-only">{englishPending}</span>
          </>
        )}
        {changesWaitLocally(sync, expired) && <> ({t('sync.keptLocally')})</>}
      </span>
      {sync.upstream && (
        <span className={`upstream ${sync.upstream.connected ? 'online' : 'offline'}`} data-upstream={sync.upstream.connected ? 'connected' : 'down'}>
          {sep}
          {t(sync.upstream.connected ? 'sync.hubToCentralUp' : 'sync.hubToCentralDown')}
          {sync.upstream.pendingUp > 0 && <> ({t('sync.hubWaiting', { count: sync.upstream.pendingUp })})</>}
        </span>
      )}
      <span>
        {sep}
        {sync.lastSyncedAt
          ? t('sync.lastSynced', { when: formatDateTime(sync.lastSyncedAt, timeZone) })
          : t('sync.neverSynced')}
      </span>
      {paused && (
        <span className="expired">
          {sep}
          {t('sync.expired')}{' '}
          <span lang="en" className="sr-only">sign in again</span>
          <button type="button" onClick={onSignInAgain}>
            {t('sync.signInAgain')}
          </button>
        </span>
      )}
      {sync.error && !paused && (
        <span className="problem" title={sync.error}>
          {sep}
          {t('sync.error', { message: sync.error })}
        </span>
      )}
    </div>
  );
}
