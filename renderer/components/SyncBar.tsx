import { useTranslation } from 'react-i18next';
import type { SyncState } from '../data/types';
import { A11Y } from '../i18n/accessible-names';
import { en } from '../i18n/resources/en';
import { formatDateTime } from '../i18n/format-date';

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
 */
export function SyncBar({ sync, expired, timeZone, onSignInAgain }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const state = sync.online ? 'online' : 'offline';
  const englishState = en.sync[state];
  const englishPending = `${sync.pending} pending`;
  return (
    <div className="syncbar" role="status" aria-label={A11Y.syncStatus}>
      <span className={state}>
        <span className="dot" aria-hidden="true" />
        {english ? englishState : (
          <>
            {t(`sync.${state}`)} <span lang="en" className="sr-only">{englishState}</span>
          </>
        )}
      </span>
      {sync.syncing && sync.online && <span>{' · '}{t('sync.syncing')}</span>}
      <span data-pending={sync.pending}>
        {' · '}
        {english ? englishPending : (
          <>
            {t('sync.pending', { count: sync.pending })} <span lang="en" className="sr-only">{englishPending}</span>
          </>
        )}
      </span>
      <span>
        {' · '}
        {sync.lastSyncedAt
          ? t('sync.lastSynced', { when: formatDateTime(sync.lastSyncedAt, timeZone) })
          : t('sync.neverSynced')}
      </span>
      {(expired || sync.authExpired) && (
        <span className="expired">
          {' · '}
          {t('sync.expired')}{' '}
          <span lang="en" className="sr-only">sign in again</span>
          <button type="button" onClick={onSignInAgain}>
            {t('sync.signInAgain')}
          </button>
        </span>
      )}
      {sync.error && !sync.authExpired && (
        <span title={sync.error}>
          {' · '}
          {t('sync.error', { message: sync.error })}
        </span>
      )}
    </div>
  );
}
