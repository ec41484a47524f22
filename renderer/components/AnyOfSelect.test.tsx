import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { AnyOfSelect } from './AnyOfSelect';

const optionsOf = (html: string) => [...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)</g)].map((m) => ({ value: m[1], selected: !!m[2], text: m[3] }));

describe('AnyOfSelect', () => {
  beforeAll(async () => {
    initI18n('en');
    await i18next.changeLanguage('en');
  });

  it('offers any first, then each value by its text, and shows the one chosen', () => {
    const html = renderToStaticMarkup(<AnyOfSelect label="Grade" value={2} values={[1, 2, 3]} text={(g) => `G${g}`} onChange={() => {}} />);
    expect(optionsOf(html)).toEqual([
      { value: '', selected: false, text: i18next.t('queue.any') },
      { value: '1', selected: false, text: 'G1' },
      { value: '2', selected: true, text: 'G2' },
      { value: '3', selected: false, text: 'G3' },
    ]);
    expect(html).not.toContain('aria-label');
  });

  it('shows any when nothing is chosen, and takes an accessible name apart from its label', () => {
    const html = renderToStaticMarkup(<AnyOfSelect label="Category" ariaLabel="Category filter" value={undefined} values={['price']} text={(c) => c} onChange={() => {}} />);
    expect(html).toContain('aria-label="Category filter"');
    expect(optionsOf(html)[0]).toEqual({ value: '', selected: true, text: i18next.t('queue.any') });
  });
});
