import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../data/types/session';
import { useReference } from '../hooks/use-reference';
import { useAtRest } from '../hooks/use-at-rest';
import { AtRestNote } from '../components/AtRestNote';
import { formatDateTime } from '../i18n/format-date';
import type { Language } from '../i18n/pick-language';
import { HOTKEYS } from '../app/hotkeys';
import { HubLinks } from '../components/HubLinks';
import { ServerAddressForm } from '../components/ServerAddressForm';
import { useAccessibleName } from '../i18n/use-accessible-name';

/** Who is signed in, the language, the policy in force, and the shortcuts. */
export function SettingsScreen({ user, onLanguage }: { user: SessionUser; onLanguage(l: Language): void }) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const reference = useReference();
  const p = reference.policy;
  const atRest = useAtRest();
  return (
    <section aria-label={an.either('Settings', t('settings.title'))}>
      <h1>{t('settings.title')}</h1>
      <dl className="kv" style={{ maxWidth: 640 }}>
        <dt>{t('settings.user')}</dt>
        <dd>
          {user.displayName} ({user.username}) · {t(`roles.${user.role}`)} · {user.branchId}
          {user.jobNumber ? ` · ${user.jobNumber}` : ''}
        </dd>
        <dt>{t('settings.language')}</dt>
        <dd>
          <button type="button" className="btn" onClick={() => onLanguage('zh-CN')} lang="zh-CN">中文</button>{' '}
          <button type="button" className="btn" onClick={() => onLanguage('en')} lang="en">English</button>
        </dd>
        <dt>{t('settings.policyLabel')}</dt>
        <dd>{t('settings.policy', { revision: p.revision, tz: p.timeZone, dayEnd: p.dayEnd })}</dd>
        <dt>{t('settings.referenceLabel')}</dt>
        <dd>
          {reference.pulledAt
            ? t('settings.reference', { when: formatDateTime(reference.pulledAt, p.timeZone) })
            : t('settings.referenceNever')}
        </dd>
        {atRest && (
          <>
            <dt>{t('settings.atRestLabel')}</dt>
            <dd>
              <AtRestNote state={atRest} />
            </dd>
          </>
        )}
      </dl>
      {user.role === 'admin' && <ServerAddressForm />}
      {user.role === 'admin' && <HubLinks timeZone={p.timeZone} />}
      <h2>{t('help.title')}</h2>
      <table className="help-table" style={{ maxWidth: 640 }}>
        <tbody>
          {HOTKEYS.map((h) => (
            <tr key={h.id}>
              <td>{h.combos.map((c) => <kbd key={c}>{c}</kbd>)}</td>
              <td>{t(`help.keys.${h.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
