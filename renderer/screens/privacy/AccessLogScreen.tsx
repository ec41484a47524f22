import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_ACTIONS, type AccessAction, type AccessLogEntry } from '../../../shared/audit/access-record';
import { useAccessLog } from '../../hooks/use-privacy-records';
import { useReference } from '../../hooks/use-reference';
import { formatDateTime } from '../../i18n/format-date';
import { ServerListView } from './ServerListView';

/**
 * Who viewed, printed or exported customers' personal data: admins see every
 * record, quality managers their branch's (the server decides). Read from the
 * server, newest first.
 */
export function AccessLogScreen() {
  const { t } = useTranslation();
  const reference = useReference();
  const [action, setAction] = useState<AccessAction | ''>('');
  const [complaintId, setComplaintId] = useState('');
  const list = useAccessLog({ ...(action ? { action } : {}), ...(complaintId.trim() ? { complaintId: complaintId.trim() } : {}) });
  const tz = reference.policy.timeZone;
  const who = (id: string) => reference.users.find((u) => u.id === id)?.displayName ?? id;
  const what = (e: AccessLogEntry) =>
    e.action === 'export'
      ? t(`privacy.reports.${e.detail}`, { defaultValue: e.detail })
      : e.detail
          .split(',')
          .filter(Boolean)
          .map((f) => t(`privacy.fields.${f}`, { defaultValue: f }))
          .join(', ');
  return (
    <section aria-labelledby="access-log-title">
      <h1 id="access-log-title">{t('privacy.accessTitle')}</h1>
      <p className="hint">{t('privacy.accessIntro')}</p>
      <form className="filters toolbar" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('privacy.action')}
          <select value={action} onChange={(e) => setAction(e.target.value as AccessAction | '')}>
            <option value="">{t('privacy.allActions')}</option>
            {ACCESS_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`privacy.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('privacy.complaintFilter')}
          <input value={complaintId} maxLength={64} onChange={(e) => setComplaintId(e.target.value)} />
        </label>
      </form>
      <ServerListView list={list}>
        <table className="list">
          <thead>
            <tr>
              <th>{t('privacy.when')}</th>
              <th>{t('privacy.who')}</th>
              <th>{t('privacy.workstation')}</th>
              <th>{t('privacy.action')}</th>
              <th>{t('privacy.what')}</th>
              <th>{t('privacy.complaints')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, tz)}</td>
                <td>
                  {who(e.userId)} <span className="hint">{t(`roles.${e.role}`, { defaultValue: e.role })}</span>
                </td>
                <td className="num">{e.workstationId}</td>
                <td>{t(`privacy.actions.${e.action}`)}</td>
                <td>{what(e)}</td>
                <td className="num">
                  {e.complaints.map((c) => c.number ?? c.id).join(', ')}
                  {e.complaintCount > e.complaints.length ? ` ${t('privacy.andMore', { count: e.complaintCount - e.complaints.length })}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ServerListView>
    </section>
  );
}
