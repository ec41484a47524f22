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

test.skip(!process.env.SCREENSHOTS, 'npm run screenshots takes them');

for (const language of ['en', 'zh-CN'] as const satisfies readonly UiLanguage[]) {
  test(`screenshots of every screen in ${language}`, async ({ browser }) => {
    test.setTimeout(600_000);
    const dir = path.join(OUT, language);
    await mkdir(dir, { recursive: true });
    let n = 0;
    await visitEveryScreen(browser, language, async (name, page) => {
      n += 1;
      await page.screenshot({ path: path.join(dir, `${String(n).padStart(2, '0')}-${name}.png`) });
    });
  });
}
