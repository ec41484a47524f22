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

const PLACEHOLDER = /\{\{?\s*([^{}\s]+)\s*\}?\}/g;

/**
 * The customer's name is optional in a line: before it is typed, the line
 * reads as it would be said without it ("您好，…", "Hello, I am…"). With a
 * separator before the name (", {name}", " {name}") that separator goes and
 * what follows stays; with none (a line opening with the name) the comma
 * after it goes.
 */
const NAME_NAMES = Object.keys(PLACEHOLDERS).filter((k) => PLACEHOLDERS[k] === 'customerName');
const NAME_WITH_SEPARATORS = new RegExp(`(,\\s*|\\s+)?\\{\\{?\\s*(?:${NAME_NAMES.join('|')})\\s*\\}?\\}(，|,\\s*)?`, 'g');

const OPENS_WITH_NAME = new RegExp(`^\\s*\\{\\{?\\s*(?:${NAME_NAMES.join('|')})\\s*\\}?\\}`);

function withoutName(text: string): string {
  const out = text.replace(NAME_WITH_SEPARATORS, (_whole, before: string | undefined, after: string | undefined) => (before ? (after ?? '') : ''));
  // A line that opened with the name now opens with the words after it, which start the sentence.
  return OPENS_WITH_NAME.test(text) ? out.replace(/^\s*\p{Ll}/u, (c) => c.toUpperCase()) : out;
}

/**
 * Fills {customerName}, {jobNumber} and {issue} (and their Chinese names).
 * A line is said naturally before the name is typed (see withoutName); any
 * other unknown or empty placeholder stays visible rather than vanishing, so
 * the agent sees what to say in its place.
 */
export function fillScript(text: string, values: ScriptValues): string {
  const source = values.customerName.trim() ? text : withoutName(text);
  return source.replace(PLACEHOLDER, (whole, name: string) => {
    const key = PLACEHOLDERS[name];
    const value = key ? values[key].trim() : '';
    return value || whole;
  });
}

/**
 * The scenario whose lines fit a category: A (an apology for the attitude)
 * for a complaint about service attitude, B (our error, corrected) for any
 * other; null before a category is chosen. C (nothing wrong found) is the
 * agent's own choice once the check is done.
 */
export function scenarioForCategory(category: string): Scenario | null {
  if (!category) return null;
  return category === 'attitude' ? 'A' : 'B';
}

const OPENING = new Set(['opening', 'open', 'apology', '开场', '致歉']);

function scenarioOf(s: ReferenceScript): 'opening' | Scenario | null {
  const v = (s.scenario ?? '').trim();
  if (OPENING.has(v.toLowerCase())) return 'opening';
  const letter = v.toUpperCase();
  return letter === 'A' || letter === 'B' || letter === 'C' ? letter : null;
}

export type ScriptAudience = 'agent' | 'lead';

/**
 * The lines to offer one audience (agents soothing at intake, leads calling
 * back for 二解; a script without an audience is an agent's): the opening
 * apology first, then the chosen scenario's lines for this category (a
 * script without a category fits every category), in the display language
 * when the library has it.
 */
export function pickScripts(
  scripts: readonly ReferenceScript[],
  category: string,
  scenario: Scenario,
  language: string,
  audience: ScriptAudience = 'agent',
): ReferenceScript[] {
  const forAudience = scripts.filter((s) => (s.audience ?? 'agent') === audience);
  const inLanguage = forAudience.filter((s) => !s.language || s.language === language);
  const pool = inLanguage.length > 0 ? inLanguage : forAudience;
  const fits = (s: ReferenceScript) => !s.category || !category || s.category === category;
  const opening = pool.filter((s) => scenarioOf(s) === 'opening' && fits(s));
  const lines = pool.filter((s) => scenarioOf(s) === scenario && fits(s));
  return [...opening, ...lines];
}
