import { useTranslation } from 'react-i18next';
import type { Scenario } from '../state/intake-draft';

const SCENARIOS: Scenario[] = ['A', 'B', 'C'];

interface Props {
  value: Scenario;
  onChange(scenario: Scenario): void;
}

/** The norm's script scenarios A/B/C as toggle buttons: the agents' soothing panel and the leads' callback scripts pick alike. */
export function ScenarioTabs({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="scenario-tabs" role="group" aria-label={t('soothing.scenario')}>
      {SCENARIOS.map((s) => (
        <button key={s} type="button" aria-pressed={value === s} title={t(`soothing.scenario${s}`)} onClick={() => onChange(s)}>
          {t(`soothing.scenario${s}`)}
        </button>
      ))}
    </div>
  );
}
