import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccessibleName } from '../../i18n/use-accessible-name';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { addressCustomer } from '../../../shared/rules/customer-address';
import type { ReferenceScript } from '../../data/types/reference';
import { builtInScripts } from '../../components/built-in-scripts';
import { fillScript, pickScripts } from '../../components/script-lines';
import { ScenarioTabs } from '../../components/ScenarioTabs';
import type { Scenario } from '../../state/intake-draft';

/** The norm's scenario for a category: A attitude, B business error, C where no error is found. */
export function scenarioFor(category: ComplaintProjection['category']): Scenario {
  return category === 'attitude' ? 'A' : category === 'business_error' ? 'B' : 'C';
}

/**
 * The lead's 二解 callback scripts for the chosen complaint (scenarios A/B/C
 * of the norm, the leads' lines, not the agents'), the customer addressed as
 * 先生/女士 where the title is known.
 */
export function CallbackScripts({ complaint: c, scripts }: { complaint: ComplaintProjection; scripts: readonly ReferenceScript[] }) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const [chosen, setChosen] = useState<{ id: string; scenario: Scenario } | null>(null);
  const scenario = chosen?.id === c.id ? chosen.scenario : scenarioFor(c.category);
  const own = scripts.filter((s) => s.audience === 'lead');
  const library = own.length > 0 ? own : builtInScripts(t, i18n.language, 'lead');
  const values = {
    customerName: addressCustomer(c.complainant, i18n.language),
    jobNumber: c.respondent?.agentJobNumbers?.[0] ?? '',
    issue: c.subCategory ?? (c.category ? t(`categories.${c.category}`) : ''),
  };
  const lines = pickScripts(library, c.category ?? '', scenario, i18n.language, 'lead');
  return (
    <section className="callback-scripts" aria-label={an.either('Callback scripts', t('callbackScripts.title'))}>
      <h2>
        {t('callbackScripts.title')} · <span className="num">{c.number}</span>
      </h2>
      <ScenarioTabs value={scenario} onChange={(s) => setChosen({ id: c.id, scenario: s })} />
      {lines.length === 0 ? (
        <p className="hint">{t('soothing.noScripts')}</p>
      ) : (
        <ol className="scripts">
          {lines.map((line) => (
            <li key={line.id}>{fillScript(line.text, values)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
