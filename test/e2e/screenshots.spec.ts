import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { visitEveryScreen, type UiLanguage } from './support/screens';

/**
 * Screenshots of every screen in both languages at 1280×720, for checking by
 * eye that nothing is clipped. Run with `npm run screenshots`; the PNGs go to
 * test-results/screenshots/<language>/ (ignored by git). Skipped in the
 * ordinary end-to-end run, where it would only cost time.
 */
const OUT = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly UiLanguage[];

test.skip(!process.env.SCREENSHOTS, 'npm run screenshots takes them');

// One walk for both languages; each language's files are numbered in the walk's order.
test(`screenshots of every screen in ${LANGUAGES.join(' and ')}`, async ({ browser }) => {
  test.setTimeout(600_000);
  const taken = new Map<UiLanguage, number>();
  for (const language of LANGUAGES) await mkdir(path.join(OUT, language), { recursive: true });
  await visitEveryScreen(browser, LANGUAGES, async (name, page, language) => {
    const n = (taken.get(language) ?? 0) + 1;
    taken.set(language, n);
    await page.screenshot({ path: path.join(OUT, language, `${String(n).padStart(2, '0')}-${name}.png`) });
  });
});
