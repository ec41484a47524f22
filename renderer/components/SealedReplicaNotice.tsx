import { useTranslation } from 'react-i18next';

/**
 * The user's replica is sealed and this workstation's key no longer unwraps:
 * it was kept as it is, unopened, so the screens stay empty. Said at the top
 * of every screen rather than left as an empty queue.
 */
export function SealedReplicaNotice() {
  const { t } = useTranslation();
  return (
    <div className="notice error" role="alert">
      {t('app.sealedWithoutKey')}
    </div>
  );
}
