import type { ReferenceScript } from '../data/types/reference';
import type { Scenario } from '../state/intake-draft';

export interface ScriptValues {
  customerName: string;
  jobNumber: string;
  issue: string;
}

const PLACEHOLDERS: Record<string, keyof ScriptValues> = {
  customerName: 'customerName',
  customer: 'customerName',
  name: 'customerName',
  客户姓名: 'customerName',
  客户: 'customerName',
  jobNumber: 'jobNumber',
  agentJobNumber: 'jobNumber',
  工号: 'jobNumber',
  issue: 'issue',
  问题: 'issue',
  事项: 'issue',
};

/**
 * Fills {customerName}, {jobNumber} and {issue} (and their Chinese names).
 * An unknown or empty placeholder stays visible rather than vanishing, so the
 * agent sees what to say in its place.
 */
export function fillScript(text: string, values: ScriptValues): string {
  return text.replace(/\{\{?\s*([^{}\s]+)\s*\}?\}/g, (whole, name: string) => {
    const key = PLACEHOLDERS[name];
    const value = key ? values[key].trim() : '';
    return value || whole;
  });
}

const OPENING = new Set(['opening', 'open', 'apology', '开场', '致歉']);

function scenarioOf(s: ReferenceScript): 'opening' | Scenario | null {
  const v = (s.scenario ?? '').trim();
  if (OPENING.has(v.toLowerCase())) return 'opening';
  const letter = v.toUpperCase();
  return letter === 'A' || letter === 'B' || letter === 'C' ? letter : null;
}

/**
 * The lines to offer: the opening apology first, then the chosen scenario's
 * lines for this category (a script without a category fits every category),
 * in the display language when the library has it.
 */
export function pickScripts(
  scripts: readonly ReferenceScript[],
  category: string,
  scenario: Scenario,
  language: string,
): ReferenceScript[] {
  const inLanguage = scripts.filter((s) => !s.language || s.language === language);
  const pool = inLanguage.length > 0 ? inLanguage : [...scripts];
  const fits = (s: ReferenceScript) => !s.category || !category || s.category === category;
  const opening = pool.filter((s) => scenarioOf(s) === 'opening' && fits(s));
  const lines = pool.filter((s) => scenarioOf(s) === scenario && fits(s));
  return [...opening, ...lines];
}
