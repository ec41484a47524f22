import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { visitEveryScreen, type UiLanguage } from './support/screens';

/** Serious and critical findings fail; moderate and minor ones are reported in the message only when there are failures. */
const FAILING = new Set(['serious', 'critical']);

const LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly UiLanguage[];

/** Every screen the walk shows today; a screen lost from the walk fails the count. */
const SCREENS = 22;

// One walk for both languages: each user signs in once and each screen is scanned in each language.
test(`every screen in ${LANGUAGES.join(' and ')} passes an axe-core scan with no serious or critical violation`, async ({ browser }) => {
  test.setTimeout(600_000);
  const found: string[] = [];
  const scanned = new Map<UiLanguage, string[]>(LANGUAGES.map((l) => [l, []]));
  await visitEveryScreen(browser, LANGUAGES, async (name, page, language) => {
    scanned.get(language)?.push(name);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (!FAILING.has(v.impact ?? '')) continue;
      const targets = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`);
      found.push(`${name} (${language}): ${v.id} [${v.impact}] ${v.help}\n    ${targets.join('\n    ')}`);
    }
  });
  for (const language of LANGUAGES) {
    const screens = scanned.get(language) ?? [];
    expect(screens.length, `screens scanned in ${language}`).toBeGreaterThanOrEqual(SCREENS);
    expect(screens, `the same screens in ${language} as in ${LANGUAGES[0]}`).toEqual(scanned.get(LANGUAGES[0]));
  }
  expect(found, found.join('\n')).toEqual([]);
});
