import { describe, expect, it } from 'vitest';
import { shownDrill } from './use-drill';

describe('the reports’ drill-down across a change of language', () => {
  const drill = { figure: 'Complaints received', ids: ['c1', 'c2'] };

  it('is shown in the language it was opened in', () => {
    expect(shownDrill({ drill, language: 'en' }, 'en')).toBe(drill);
  });

  it('is closed in another language, not shown under the old wording', () => {
    expect(shownDrill({ drill, language: 'en' }, 'zh-CN')).toBeNull();
    expect(shownDrill(null, 'en')).toBeNull();
  });
});
