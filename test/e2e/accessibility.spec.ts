import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { visitEveryScreen, type UiLanguage } from './support/screens';

/** Serious and critical findings fail; moderate and minor ones are reported in the message only when there are failures. */
const FAILING = new Set(['serious', 'critical']);

for (const language of ['en', 'zh-CN'] as const satisfies readonly UiLanguage[]) {
  test(`every screen in ${language} passes an axe-core scan with no serious or critical violation`, async ({ browser }) => {
    test.setTimeout(600_000);
    const found: string[] = [];
    let screens = 0;
    await visitEveryScreen(browser, language, async (name, page) => {
      screens += 1;
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (!FAILING.has(v.impact ?? '')) continue;
        const targets = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`);
        found.push(`${name}: ${v.id} [${v.impact}] ${v.help}\n    ${targets.join('\n    ')}`);
      }
    });
    expect(screens).toBeGreaterThanOrEqual(20);
    expect(found, found.join('\n')).toEqual([]);
  });
}
