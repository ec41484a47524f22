import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerList } from '../../hooks/use-privacy-records';

/**
 * A privacy list read from the server page by page: why it could not be
 * read (offline), that it is loading or empty, or its table; then a button
 * for the next page while there is one.
 */
export function ServerListView({ list, children }: { list: ServerList<unknown>; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {list.error ? (
        <p role="alert">{t('privacy.needsServer', { message: list.error })}</p>
      ) : list.items.length === 0 ? (
        <p className="empty">{list.loading ? t('privacy.loading') : t('privacy.empty')}</p>
      ) : (
        children
      )}
      {list.more && (
        <button type="button" className="btn" disabled={list.loading} onClick={list.loadMore}>
          {t('privacy.more')}
        </button>
      )}
    </>
  );
}
