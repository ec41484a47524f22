import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface Props {
  pending: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Signing out with unsynced changes: says they are kept for this user, and asks. */
export function SignOutDialog({ pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('signOutWarning.title')} title={t('signOutWarning.title')} onClose={onCancel}>
      <p>{t('signOutWarning.body', { count: pending })}</p>
      <p>{t('signOutWarning.kept')}</p>
      <div className="actions-row">
        <button type="button" className="btn" onClick={onCancel}>
          {t('signOutWarning.cancel')}
        </button>
        <button type="button" className="btn primary" onClick={onConfirm}>
          {t('signOutWarning.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
