import { useTranslation } from 'react-i18next';
import type { AtRestState } from '../data/crypto/at-rest';

/** Says whether customers' personal data on this workstation is encrypted, and with what; a replica in the clear is said plainly. */
export function AtRestNote({ state }: { state: AtRestState }) {
  const { t } = useTranslation();
  const clear = state === 'no-keychain' || state === 'unreadable';
  return <span className={clear ? 'at-rest clear' : 'at-rest'}>{t(`settings.atRest.${state}`)}</span>;
}
