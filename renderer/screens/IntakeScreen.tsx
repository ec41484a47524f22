import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CHANNELS, CUSTOMER_TITLES, CUSTOMER_TYPES, GRADES, type Category, type Channel, type CustomerTitle, type CustomerType } from '../../shared/events/fields';
import type { Grade } from '../../shared/events/fields';
import type { SessionUser } from '../data/types/session';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { formatDateTime } from '../i18n/format-date';
import { useHotkey } from '../app/use-hotkey';
import { matches } from '../app/hotkeys';
import { Field } from '../components/Field';
import { useIntakeStatus } from '../state/intake-status-store';
import { draftHasContent } from '../state/intake-draft';
import { failedAcceptance, hasCallSerial, localInputToIso, receivedAtOf, validateIntake, type IntakeField } from './intake/intake-validation';
import { formatInLanguage } from './intake/format-in-language';
import { fieldId, useIntakeActions } from './intake/use-intake-actions';
import { scenarioForCategory } from '../components/script-lines';
import { CallerHistory } from './intake/CallerHistory';

export const CUSTOMER_NAME_ID = fieldId('customerName');

// Only the first intake of an app run can hold a draft from before a crash or restart.
let firstMountOfRun = true;

/**
 * Intake, keyboard first: Tab follows the caller's story (who, what happened,
 * what they want), Ctrl+S saves, the number appears large the moment it is saved.
 */
export function IntakeScreen({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const a = useIntakeActions(user);
  const { draft, update } = a;
  const status = useIntakeStatus();
  const [notAcceptedReason, setNotAcceptedReason] = useState('');
  const [restored] = useState(() => {
    const was = firstMountOfRun && draftHasContent(draft) && draft.outcome === null;
    firstMountOfRun = false;
    return was;
  });
  const tz = a.reference.policy.timeZone;

  useHotkey((e) => {
    if (matches(e, 'Ctrl+S')) {
      e.preventDefault();
      void a.save();
    }
  });

  const nowIso = new Date().toISOString();
  const errors = status.showErrors ? validateIntake(draft, { timeZone: tz, nowIso }) : {};
  // Short words beside the label keep the form on one screen; the full sentence is the description.
  const err = (field: IntakeField, label: string) => {
    const e = errors[field];
    if (!e) return {};
    const detail = e === 'phone' ? t('intake.errors.phone') : t(`intake.errors.${e}`, { field: label });
    return { error: t(`intake.errors.short.${e}`), errorDetail: detail };
  };
  const locked = draft.saved !== null;
  const failed = failedAcceptance(draft);
  const receivedAt = receivedAtOf(draft, tz, nowIso);
  const deadline = receivedAt ? a.handlingDeadline(receivedAt) : undefined;
  const days = a.reference.policy.deadlines.handlingWorkingDaysByGrade[String(a.grade) as '1'];

  const text = (field: IntakeField & keyof typeof draft, name: string | null, opts: { multiline?: number; type?: string } = {}) => {
    const label = t(`intake.${field}`);
    const common = {
      id: fieldId(field),
      'aria-label': name ?? undefined,
      value: draft[field] as string,
      readOnly: locked,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => update({ [field]: e.target.value }),
    };
    // A date field is read back in the UI language (its title), whatever the workstation's locale.
    const typed = (draft[field] as string).trim();
    const shown = opts.type === 'datetime-local' && typed ? formatInLanguage(localInputToIso(typed, tz), i18n.language, tz) : '';
    return {
      label,
      control: opts.multiline ? (
        <textarea rows={opts.multiline} {...common} />
      ) : (
        <input type={opts.type ?? 'text'} lang={i18n.language} {...(shown ? { title: t('domainRules.intake.readAs', { when: shown }) } : {})} {...common} />
      ),
    };
  };

  const f = {
    name: text('customerName', an.of('customerName')),
    phone: text('phone', an.of('phone'), { type: 'tel' }),
    address: text('address', null),
    sub: text('subCategory', null),
    description: text('description', an.of('description'), { multiline: 2 }),
    incidentAt: text('incidentAt', null, { type: 'datetime-local' }),
    place: text('incidentPlace', null),
    dept: text('respondentDepartment', null),
    agents: text('respondentAgents', null),
    demands: text('demands', an.of('demands'), { multiline: 1 }),
    serial: text('callSerial', null),
    received: text('receivedAt', null, { type: 'datetime-local' }),
    complained: text('complainedSerial', null),
  };

  return (
    <form
      className="intake"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void a.save();
      }}
    >
      <div className="intake-head">
        <h1>{t('intake.title')}</h1>
        {draft.saved && (
          <div className="notice ok" role="status">
            {t('intake.saved')}
            <output className="number-big" aria-label={an.of('complaintNumber')}>
              {draft.saved.number}
            </output>
          </div>
        )}
      </div>
      {restored && !draft.saved && (
        <div className="notice info" role="status">
          {t('intake.draftRestored')}
        </div>
      )}
      <div className="form-grid">
        {/* 来电人 (the caller) only when the complaint comes by phone; a letter or an e-mail has a complainant. */}
        <h2 className="grid-title">{t(hasCallSerial(draft.channel) ? 'intake.who' : 'intake.whoNotCalling')}</h2>
        <Field label={f.name.label} required {...err('customerName', f.name.label)} className="span2">{f.name.control}</Field>
        <Field label={f.phone.label} required {...err('phone', f.phone.label)} className="span2">{f.phone.control}</Field>
        <Field label={t('intake.customerType')} required>
          <select
            id={fieldId('customerType')}
            aria-label={an.of('customerType')}
            value={draft.customerType}
            disabled={locked}
            onChange={(e) => update({ customerType: e.target.value as CustomerType })}
          >
            {CUSTOMER_TYPES.map((c) => (
              <option key={c} value={c}>{t(`customerTypes.${c}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={t('intake.customerTitle')}>
          <select
            id={fieldId('customerTitle')}
            value={draft.customerTitle ?? ''}
            disabled={locked}
            onChange={(e) => update({ customerTitle: e.target.value as CustomerTitle | '' })}
          >
            <option value="">{t('customerTitles.unknown')}</option>
            {CUSTOMER_TITLES.map((c) => (
              <option key={c} value={c}>{t(`customerTitles.${c}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={f.address.label}>{f.address.control}</Field>

        <h2 className="grid-title">{t('intake.what')}</h2>
        <Field label={t('intake.category')} required {...err('category', t('intake.category'))} className="span3">
          <select
            id={fieldId('category')}
            aria-label={an.of('category')}
            value={draft.category}
            disabled={locked}
            onChange={(e) => {
              const category = e.target.value as Category;
              // The script lines follow the category; the agent may still pick another scenario.
              update({ category, soothing: { ...draft.soothing, scenario: scenarioForCategory(category) ?? draft.soothing.scenario } });
            }}
          >
            <option value="">{t('intake.choose')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>{t(`categories.${c}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={f.sub.label} className="span3">{f.sub.control}</Field>
        <Field label={f.description.label} required {...err('description', f.description.label)} className="span6">
          {f.description.control}
        </Field>
        {/* When and where come after the story itself: the date field costs several Tab stops. */}
        <Field label={f.incidentAt.label} className="span2">{f.incidentAt.control}</Field>
        <Field label={f.place.label}>{f.place.control}</Field>
        <Field label={f.dept.label}>{f.dept.control}</Field>
        <Field label={f.agents.label} {...err('respondentAgents', f.agents.label)} className="span2">{f.agents.control}</Field>

        <h2 className="grid-title">{t('intake.wants')}</h2>
        <Field label={f.demands.label} className="span6">{f.demands.control}</Field>

        <Field label={t('intake.channel')} required className="span2">
          <select
            id={fieldId('channel')}
            aria-label={an.of('channel')}
            value={draft.channel}
            disabled={locked}
            onChange={(e) => update({ channel: e.target.value as Channel })}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>{t(`channels.${c}`)}</option>
            ))}
          </select>
        </Field>
        <Field label={f.received.label} {...err('receivedAt', f.received.label)} className="span2">{f.received.control}</Field>
        {/* Only a call has a serial of its own: a letter, e-mail, web or WeChat complaint has none. */}
        {hasCallSerial(draft.channel) && <Field label={f.serial.label} className="span2">{f.serial.control}</Field>}
        <Field label={f.complained.label} className="span2">{f.complained.control}</Field>
        <Field label={t('intake.grade')} className="span2">
          <select
            id={fieldId('grade' as IntakeField)}
            value={draft.grade === '' ? '' : String(draft.grade)}
            disabled={locked}
            onChange={(e) => update({ grade: e.target.value === '' ? '' : (Number(e.target.value) as Grade) })}
          >
            <option value="">{`${t('intake.override')} (${t(`grades.${a.suggestion.grade}`)})`}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>{`${g} · ${t(`grades.${g}`)}`}</option>
            ))}
          </select>
        </Field>
      </div>

      <p className="suggestion">
        <strong>{t('intake.suggestedGrade', { grade: `${a.suggestion.grade} · ${t(`grades.${a.suggestion.grade}`)}` })}</strong>
        {' — '}
        {a.suggestion.reasons
          .map((r) => t(`intake.reasons.${r.code}`, r.code === 'urgent_keywords' ? { keywords: r.keywords.join('、') } : {}))
          .join('；')}
        {' · '}
        {draft.receivedAt.trim() === '' &&
          t(draft.channel === 'phone' && draft.startedAt ? 'domainRules.intake.receivedDefaultCall' : 'domainRules.intake.receivedDefaultNow', {
            when: formatInLanguage(draft.startedAt ?? undefined, i18n.language, tz),
          })}
        {receivedAt && draft.receivedAt.trim() !== '' && t('domainRules.intake.readAs', { when: formatInLanguage(receivedAt, i18n.language, tz) })}
        {deadline && (
          <>
            {' · '}
            {t('intake.gradeDeadline', { days: t('deadline.workingDays', { count: days }), when: formatDateTime(deadline, tz) })}
          </>
        )}
      </p>

      <CallerHistory phone={draft.phone} currentId={draft.saved?.complaintId ?? null} timeZone={tz} />

      {a.priors.length > 0 && !locked && (
        <div className="notice warn" role="alert">
          {t('intake.repeatWarning', { count: a.priors.length, days: a.reference.policy.repeatComplaint.windowDays })}{' '}
          {a.priors.slice(0, 5).map((p) => (
            <span key={p.id} className="num" style={{ marginRight: 8 }}>
              {p.number}
            </span>
          ))}
        </div>
      )}

      {failed.length > 0 && !locked && (draft.description.trim() || draft.phone.trim()) ? (
        <details className="notice warn">
          <summary>
            {t('intake.acceptance')}: {failed.map((c) => t(`intake.conditions.${c}`)).join(' ')}
          </summary>
          <div className="inline-form">
            <label>
              {t('intake.notAcceptedReason')}
              <input value={notAcceptedReason} onChange={(e) => setNotAcceptedReason(e.target.value)} />
            </label>
            <div>
              <button
                type="button"
                className="btn danger"
                disabled={status.busy || !notAcceptedReason.trim()}
                onClick={() => void a.notAccept(notAcceptedReason)}
              >
                {t('intake.markNotAccepted')}
              </button>
            </div>
          </div>
        </details>
      ) : null}

      <div className="actions-row">
        <button type="submit" className="btn primary" aria-label={an.of('saveComplaint')} aria-keyshortcuts="Control+S" data-shortcut="Ctrl+S" disabled={status.busy || locked}>
          {status.busy ? t('intake.saving') : t('intake.save')}
        </button>
        {(locked || draft.customerName || draft.description) && (
          <button type="button" className="btn" onClick={a.startOver}>
            {locked ? t('intake.another') : t('intake.clear')}
          </button>
        )}
        {/* Beside the buttons, not above them: a message must not push the form off the screen. */}
        {status.message && (
          <div className={`notice ${status.message.tone}`} role={status.message.tone === 'error' ? 'alert' : 'status'}>
            {t(status.message.key, status.message.values)}
          </div>
        )}
      </div>
    </form>
  );
}
