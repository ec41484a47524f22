import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../data/types/command-result';
import { reasonText } from '../i18n/reason-text';

export type FieldValue = string | boolean;
export type FormValues = Record<string, FieldValue>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'datetime' | 'multi';
  options?: { value: string; label: string }[];
  required?: boolean;
  initial?: FieldValue;
  /** English accessible name where automation needs a fixed one. */
  ariaLabel?: string;
  /** A date field: the typed value said back in the UI language ('' for nothing), whatever the date picker's locale. */
  readBack?(value: string): string;
}

export interface ActionSpec {
  id: string;
  title: string;
  /** The event the action writes (names it in a refusal). */
  eventType?: string;
  fields: FieldSpec[];
  submitLabel: string;
  /** English accessible name of the submit button. */
  submitName?: string;
  hint?: ReactNode;
  /** Why the action cannot be taken now (shown, and the submit is disabled). */
  blocked?: string | null;
  /** Shown under the fields as the user types (e.g. the mid-course note's text). */
  preview?(values: FormValues): string | null;
  /** A failure message from a local check before the command runs, or null. */
  check?(values: FormValues): string | null;
  submit(values: FormValues): Promise<CommandResult | { ok: false; error: string; message?: string; code?: string }>;
}

function initialValues(fields: FieldSpec[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) out[f.name] = f.initial ?? (f.kind === 'checkbox' ? false : f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '');
  return out;
}

interface Props {
  spec: ActionSpec;
  open?: boolean;
  /**
   * Told of a success. A recorded action often changes the complaint's state,
   * and the state decides which forms exist, so this form may be gone before
   * its own confirmation could be read: the parent says it instead, and
   * follows the event from saved here to confirmed or refused.
   */
  onDone?(title: string, eventId: string | null): void;
}

/** One action's small form, folded away until opened; says what happened in words. */
export function ActionForm({ spec, open = false, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => initialValues(spec.fields));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // Pre-filled values follow the complaint (a callback just logged gives the note its serial)
  // until the user edits that field; what the user typed is never overwritten.
  const initialKey = JSON.stringify(initialValues(spec.fields));
  const [seenInitialKey, setSeenInitialKey] = useState(initialKey);
  if (seenInitialKey !== initialKey) {
    setSeenInitialKey(initialKey);
    const fresh = JSON.parse(initialKey) as FormValues;
    setValues((v) => {
      const next = { ...v };
      for (const name of Object.keys(fresh)) if (!touched.has(name)) next[name] = fresh[name]!;
      return next;
    });
  }

  const set = (name: string, value: FieldValue) => {
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setValues((v) => ({ ...v, [name]: value }));
  };
  const missing = spec.fields.find((f) => f.required && (f.kind === 'checkbox' ? false : !String(values[f.name] ?? '').trim()));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (missing) {
      setMessage({ ok: false, text: t('detail.required', { field: missing.label }) });
      return;
    }
    const problem = spec.check?.(values) ?? null;
    if (problem) {
      setMessage({ ok: false, text: problem });
      return;
    }
    setBusy(true);
    try {
      const r = await spec.submit(values);
      if (r.ok) {
        setValues(initialValues(spec.fields));
        setTouched(new Set());
        const eventId = 'eventId' in r ? r.eventId : null;
        if (onDone) {
          setMessage(null);
          onDone(spec.title, eventId);
        } else {
          setMessage({ ok: true, text: t('outcome.savedHere', { what: spec.title }) });
        }
      } else if (r.code) {
        // Refused here as the server would refuse it: the same reason, in the user's language.
        const reason = reasonText(t, { code: r.code, message: r.message ?? '' }, spec.eventType);
        setMessage({ ok: false, text: `${t('outcome.refused', { reason })} ${t('outcome.notWritten')}` });
      } else {
        const known = ['not_signed_in', 'forbidden', 'invalid', 'not_found', 'not_allowed_now'].includes(r.error);
        setMessage({ ok: false, text: t('detail.failed', { message: r.message ?? (known ? t(`errors.${r.error}`) : r.error) }) });
      }
    } catch (err) {
      setMessage({ ok: false, text: t('detail.failed', { message: String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const preview = spec.preview?.(values) ?? null;

  return (
    <details className="action" open={open || undefined}>
      <summary>{spec.title}</summary>
      <form className="inline-form" onSubmit={submit} noValidate>
        {spec.hint && <div className="hint">{spec.hint}</div>}
        {spec.fields.map((f) => {
          const aria = f.ariaLabel ? { 'aria-label': f.ariaLabel } : {};
          if (f.kind === 'checkbox') {
            return (
              <label key={f.name} className="check">
                <input type="checkbox" {...aria} checked={values[f.name] === true} onChange={(e) => set(f.name, e.target.checked)} />
                {f.label}
              </label>
            );
          }
          if (f.kind === 'multi') {
            const chosen = String(values[f.name] ?? '').split(',').filter(Boolean);
            return (
              <fieldset key={f.name}>
                <legend className="hint">{f.label}</legend>
                {f.options?.map((o) => (
                  <label key={o.value} className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.value)}
                      onChange={(e) =>
                        set(f.name, (e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value)).join(','))
                      }
                    />
                    {o.label}
                  </label>
                ))}
              </fieldset>
            );
          }
          return (
            <label key={f.name}>
              <span className={f.required ? 'required' : undefined}>{f.label}</span>
              {f.kind === 'select' ? (
                <select {...aria} value={String(values[f.name])} onChange={(e) => set(f.name, e.target.value)}>
                  {f.initial === '' && (
                    // Nothing chosen until the person chooses: a decision is never pre-made for them.
                    <option value="" disabled>
                      {t('neutral.choose')}
                    </option>
                  )}
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>{o.label}</option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea {...aria} rows={2} value={String(values[f.name])} onChange={(e) => set(f.name, e.target.value)} />
              ) : (
                <input
                  {...aria}
                  type={f.kind === 'number' ? 'number' : f.kind === 'datetime' ? 'datetime-local' : 'text'}
                  lang={f.kind === 'datetime' ? i18n.language : undefined}
                  value={String(values[f.name])}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )}
              {f.readBack?.(String(values[f.name])) && (
                <span className="hint">{t('domainRules.intake.readAs', { when: f.readBack(String(values[f.name])) })}</span>
              )}
            </label>
          );
        })}
        {preview && <div className="notice info">{preview}</div>}
        {spec.blocked && <div className="notice warn">{spec.blocked}</div>}
        <div>
          <button type="submit" className="btn primary" aria-label={spec.submitName} disabled={busy || !!spec.blocked}>
            {spec.submitLabel}
          </button>
        </div>
        {message && (
          <div className={`notice ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </div>
        )}
      </form>
    </details>
  );
}
