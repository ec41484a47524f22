import { useTranslation } from 'react-i18next';
import { normalisePhone } from '../../../shared/rules/repeat-complaint';
import { useSearch } from '../../hooks/use-search';
import { formatDateTime } from '../../i18n/format-date';
import { useUiStore } from '../../state/ui-store';
import { callerHistory } from './caller-history';

interface Props {
  phone: string;
  currentId: string | null;
  timeZone: string;
}

/** Beside intake: what this caller complained about before, found on this workstation, each one click from its detail. */
export function CallerHistory({ phone, currentId, timeZone }: Props) {
  const { t } = useTranslation();
  const digits = normalisePhone(phone);
  const found = useSearch(digits.length >= 4 ? digits : '', 50);
  const earlier = callerHistory(found, phone, currentId);
  const select = useUiStore((s) => s.select);
  if (earlier.length === 0) return null;
  return (
    <section className="notice info caller-history" aria-label={t('intake.callerHistory', { count: earlier.length })}>
      <strong>{t('intake.callerHistory', { count: earlier.length })}</strong>
      <ul>
        {earlier.slice(0, 5).map((p) => (
          <li key={p.id}>
            <button type="button" className="link" onClick={() => select(p.id)}>
              <span className="num">{p.number}</span>
            </button>{' '}
            {p.receivedAt ? formatDateTime(p.receivedAt, timeZone) : ''} · {t(`statuses.${p.status}`)}
            {p.category ? ` · ${t(`categories.${p.category}`)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
