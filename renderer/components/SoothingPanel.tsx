import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOTIONS, type Emotion } from '../../shared/events/fields';
import type { ReferenceScript } from '../data/types/reference';
import { useAccessibleName } from '../i18n/use-accessible-name';
import type { IntakeDraft } from '../state/intake-draft';
import { altDigit } from '../app/hotkeys';
import { useHotkey } from '../app/use-hotkey';
import { Dialog } from './Dialog';
import { ScenarioTabs } from './ScenarioTabs';
import { builtInScripts } from './built-in-scripts';
import { fillScript, pickScripts } from './script-lines';
import type { WithdrawalDoubt } from '../../shared/rules/withdrawal-doubt';

export type SoothingValue = IntakeDraft['soothing'];

interface Props {
  value: SoothingValue;
  onChange(change: Partial<SoothingValue>): void;
  customerName: string;
  jobNumber: string;
  issue: string;
  category: string;
  scripts: readonly ReferenceScript[];
  /** The customer withdrew, confirmed with this reason. */
  onWithdrew(reason: string): void;
  /** Why a withdrawal would be doubtful here (the policy's rule): then it is not offered. */
  withdrawalDoubts?: readonly WithdrawalDoubt[];
  /** `withoutSoothingConfirmed`: the agent confirmed filing with steps missing. */
  onFile(withoutSoothingConfirmed: boolean): void;
  busy?: boolean;
  /** The outcome is recorded: the buttons are done. */
  done?: boolean;
  message?: ReactNode;
}

/** 安抚: the three steps, the emotions, the scripts, and the call's outcome. */
export function SoothingPanel(props: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const { value, onChange } = props;
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const doubts = props.withdrawalDoubts ?? [];
  const [copied, setCopied] = useState<string | null>(null);

  // Agents see the agents' soothing scripts, not the leads' callback scripts.
  const ownScripts = props.scripts.filter((s) => (s.audience ?? 'agent') === 'agent');
  const library = ownScripts.length > 0 ? ownScripts : builtInScripts(t, i18n.language, 'agent');
  const lines = pickScripts(library, props.category, value.scenario, i18n.language).map((s) => ({
    id: s.id,
    text: fillScript(s.text, {
      customerName: props.customerName,
      jobNumber: props.jobNumber,
      issue: props.issue || t('soothing.issueFallback'),
    }),
  }));

  const copy = (id: string, text: string) => {
    onChange({ scriptId: id.startsWith('builtin-') ? value.scriptId : id });
    navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(id))
      .catch(() => setCopied(null));
  };

  useHotkey((e) => {
    const n = altDigit(e);
    const line = n === null ? undefined : lines[n - 1];
    if (line) {
      e.preventDefault();
      copy(line.id, line.text);
    }
  });

  const allSteps = value.calmed && value.understood && value.offeredSolution;
  const file = () => (allSteps ? props.onFile(false) : setConfirming(true));
  const disabled = props.busy || props.done;

  const step = (key: 'calmed' | 'understood' | 'offeredSolution', name: string, id?: string) => (
    <label>
      <input
        id={id}
        type="checkbox"
        aria-label={name}
        checked={value[key]}
        disabled={props.done}
        onChange={(e) => onChange({ [key]: e.target.checked })}
      />
      {t(`soothing.${key}`)}
    </label>
  );

  const emotion = (key: 'emotionBefore' | 'emotionAfter') => (
    <label className="field">
      <span className="label">{t(`soothing.${key}`)}</span>
      <select value={value[key]} disabled={props.done} onChange={(e) => onChange({ [key]: e.target.value as Emotion })}>
        {EMOTIONS.map((em) => (
          <option key={em} value={em}>
            {t(`emotions.${em}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="soothing" role="region" aria-label={an.of('soothingPanel')}>
      <h2>{t('soothing.title')}</h2>
      <fieldset className="steps">
        <legend>{t('soothing.steps')}</legend>
        {step('calmed', an.of('calmed'), 'soothing-first')}
        {step('understood', an.of('understood'))}
        {step('offeredSolution', an.of('offeredSolution'))}
      </fieldset>
      <div className="emotions">
        {emotion('emotionBefore')}
        {emotion('emotionAfter')}
      </div>

      <h3>{t('soothing.scripts')}</h3>
      <ScenarioTabs value={value.scenario} onChange={(scenario) => onChange({ scenario })} />
      {lines.length === 0 ? (
        <p className="hint">{t('soothing.noScripts')}</p>
      ) : (
        <ol className="scripts">
          {lines.map((line, i) => (
            <li key={line.id}>
              <span className="n">{i + 1}</span>
              <span>{line.text}</span>
              <button type="button" className="btn" onClick={() => copy(line.id, line.text)} title={`Alt+${i + 1}`}>
                {copied === line.id ? t('soothing.copied') : t('soothing.copy')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="hint">
        {t('soothing.copyHint')} · {t('soothing.dontLead')}
      </p>

      {doubts.length > 0 && !props.done && (
        <p className="notice info" role="note">
          {t('withdrawal.notOffered', {
            why: doubts
              .map((d) =>
                d.kind === 'grade'
                  ? t('withdrawal.doubt.grade', { grade: t(`grades.${d.grade}`) })
                  : d.kind === 'customerType'
                    ? t('withdrawal.doubt.customerType', { type: t(`customerTypes.${d.customerType}`) })
                    : t('withdrawal.doubt.threat', { words: d.keywords.join('、') }),
              )
              .join(t('withdrawal.doubt.separator')),
          })}
        </p>
      )}
      <div className="actions-row">
        {doubts.length === 0 && (
          <button
            type="button"
            className="btn"
            aria-label={an.of('customerWithdrew')}
            disabled={disabled}
            onClick={() => {
              setReasonMissing(false);
              setWithdrawing(true);
            }}
          >
            {t('soothing.withdrew')}
          </button>
        )}
        <button type="button" className="btn primary" aria-label={an.of('fileWorkOrder')} disabled={disabled} onClick={file}>
          {t('soothing.fileWorkOrder')}
        </button>
      </div>
      {props.message}

      {withdrawing && (
        <Dialog label={an.either('Customer withdrew?', t('withdrawal.confirmTitle'))} title={t('withdrawal.confirmTitle')} onClose={() => setWithdrawing(false)}>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              const reason = value.withdrawalReason.trim();
              if (!reason) {
                setReasonMissing(true);
                return;
              }
              setWithdrawing(false);
              props.onWithdrew(reason);
            }}
          >
            <p>{t('withdrawal.confirmText')}</p>
            <label>
              <span className="required">{t('soothing.withdrawalReason')}</span>
              <textarea
                aria-label={an.of('reason', 'soothing.withdrawalReason')}
                rows={2}
                value={value.withdrawalReason}
                aria-invalid={reasonMissing || undefined}
                onChange={(e) => onChange({ withdrawalReason: e.target.value })}
              />
            </label>
            {reasonMissing && (
              <div className="notice error" role="alert">
                {t('detail.required', { field: t('soothing.withdrawalReason') })}
              </div>
            )}
            <div className="actions-row">
              <button type="submit" className="btn danger" aria-label={an.of('confirm', 'withdrawal.confirm')}>
                {t('withdrawal.confirm')}
              </button>
              <button type="button" className="btn" aria-label={an.of('cancel')} onClick={() => setWithdrawing(false)}>
                {t('detail.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}

      {confirming && (
        <Dialog label={an.either('File without soothing?', t('soothing.confirmTitle'))} title={t('soothing.confirmTitle')} onClose={() => setConfirming(false)}>
          <p>{t('soothing.confirmText')}</p>
          <div className="actions-row">
            <button
              type="button"
              className="btn danger"
              aria-label={an.of('confirm', 'soothing.confirmFile')}
              onClick={() => {
                setConfirming(false);
                props.onFile(true);
              }}
            >
              {t('soothing.confirmFile')}
            </button>
            <button type="button" className="btn" aria-label={an.of('cancel')} onClick={() => setConfirming(false)}>
              {t('detail.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
