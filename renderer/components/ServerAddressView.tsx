import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerChangeResult } from '../data/server-change';
import { serverChangeMessage } from './server-change-message';

export interface ServerAddressViewProps {
  /** The address in use; null while unknown. */
  current: string | null;
  value: string;
  busy: boolean;
  /** The last attempt's result; null before one. */
  outcome: ServerChangeResult | null;
  /** The signed-in user's events not yet acknowledged (they move with the workstation). */
  pending: number;
  onChange(value: string): void;
  onSubmit(): void;
}

/**
 * The sync server's address as an admin changes it: one field and Enter. A
 * refusal is said in words beside the field and tied to it; success says
 * what happens next (sign in again at the new server).
 */
export function ServerAddressView({ current, value, busy, outcome, pending, onChange, onSubmit }: ServerAddressViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const message = outcome ? serverChangeMessage(outcome) : null;
  const describedBy = [`${id}-hint`, message ? `${id}-message` : null].filter(Boolean).join(' ');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form className="server-address" onSubmit={submit} style={{ maxWidth: 640 }} aria-busy={busy || undefined}>
      <h2>{t('settings.server.title')}</h2>
      {current && <p>{t('settings.server.current', { url: current })}</p>}
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('settings.server.label')}</label>
        <input
          id={`${id}-address`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={current ?? undefined}
          aria-invalid={message?.error || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('settings.server.hint')}
        {pending > 0 && <> {t('settings.server.pending', { count: pending })}</>}
      </p>
      <button type="submit" className="btn primary" disabled={busy}>
        {t(busy ? 'settings.server.busy' : 'settings.server.submit')}
      </button>
      {message && (
        <p id={`${id}-message`} role={message.error ? 'alert' : 'status'} className={message.error ? 'notice error' : 'notice ok'}>
          {message.error && <span aria-hidden="true">⚠ </span>}
          {t(message.key, message.values)}
        </p>
      )}
    </form>
  );
}
