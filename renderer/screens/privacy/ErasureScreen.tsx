import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REDACTABLE_FIELDS, type RedactableField } from '../../../shared/events/payloads/outcome';
import type { ErasureOutcome } from '../../data/audit/privacy-api';
import { useErasures, useRequestErasure } from '../../hooks/use-privacy-records';
import { useReference } from '../../hooks/use-reference';
import { formatDateTime } from '../../i18n/format-date';
import { ServerListView } from './ServerListView';

/**
 * The admin's erasure: the chosen personal fields of one complaint go from
 * the server's stored events and from every workstation that syncs. Only the
 * server's answer counts: confirmed with how many stored events it scrubbed,
 * or refused with its reason. Below, the record of every erasure.
 */
export function ErasureScreen() {
  const { t } = useTranslation();
  const reference = useReference();
  const erasures = useErasures();
  const erase = useRequestErasure();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Set<RedactableField>>(() => new Set(REDACTABLE_FIELDS));
  const [sure, setSure] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ErasureOutcome | null>(null);
  const tz = reference.policy.timeZone;
  const who = (id: string) => reference.users.find((u) => u.id === id)?.displayName ?? (id === 'system' ? t('privacy.system') : id);
  const toggle = (f: RedactableField) =>
    setFields((s) => {
      const next = new Set(s);
      if (next.has(f)) next.delete(f);
      else next.add(f);
      return next;
    });
  const ready = number.trim() !== '' && reason.trim() !== '' && fields.size > 0 && sure && !busy;
  const submit = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await erase({ number: number.trim(), reason: reason.trim(), fields: REDACTABLE_FIELDS.filter((f) => fields.has(f)) });
      setOutcome(answer);
      if (answer.ok) {
        setSure(false);
        erasures.reload();
      }
    } catch (err) {
      setOutcome({ ok: false, status: 0, code: 'network', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="erasure-title">
      <h1 id="erasure-title">{t('privacy.erasureTitle')}</h1>
      <p className="hint">{t('privacy.erasureIntro')}</p>
      <form
        className="inline-form erasure-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <label>
          {t('privacy.number')}
          <input value={number} maxLength={64} required onChange={(e) => setNumber(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('privacy.fieldsLegend')}</legend>
          {REDACTABLE_FIELDS.map((f) => (
            <label key={f} className="check">
              <input type="checkbox" checked={fields.has(f)} onChange={() => toggle(f)} /> {t(`privacy.fields.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('privacy.reason')}
          <textarea value={reason} maxLength={1000} required onChange={(e) => setReason(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> {t('privacy.confirm')}
        </label>
        <button type="submit" className="btn primary" disabled={!ready}>
          {busy ? t('privacy.erasing') : t('privacy.erase')}
        </button>
      </form>
      {outcome?.ok && <p role="status">{t('privacy.confirmed', { count: outcome.result.scrubbed })}</p>}
      {outcome && !outcome.ok && (
        <p role="alert">
          {outcome.status === 404 ? t('privacy.unknownComplaint') : t('privacy.refused', { message: outcome.message || outcome.code })}
        </p>
      )}

      <h2>{t('privacy.erasures')}</h2>
      <ServerListView list={erasures}>
        <table className="list">
          <thead>
            <tr>
              <th>{t('privacy.when')}</th>
              <th>{t('privacy.who')}</th>
              <th>{t('privacy.complaints')}</th>
              <th>{t('privacy.what')}</th>
              <th>{t('privacy.reason')}</th>
              <th>{t('privacy.appliedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {erasures.items.map((r) => (
              <tr key={r.redactionId}>
                <td>{formatDateTime(r.occurredAt, tz)}</td>
                <td>{who(r.actorId)}</td>
                <td className="num">{r.number ?? r.complaintId}</td>
                <td>{r.fields.map((f) => t(`privacy.fields.${f}`, { defaultValue: f })).join(', ')}</td>
                <td>{r.reason}</td>
                <td>{r.appliedAt ? t('privacy.scrubbed', { at: formatDateTime(r.appliedAt, tz), count: r.scrubbed ?? 0 }) : t('privacy.notYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ServerListView>
    </section>
  );
}
