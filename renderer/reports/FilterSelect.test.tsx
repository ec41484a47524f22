import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { FilterSelect } from './FilterSelect';

const options = [
  { id: 'gz', name: 'Guangzhou branch' },
  { id: 'dg', name: 'Dongguan branch' },
];
const render = (value: string | undefined) => renderToStaticMarkup(<FilterSelect label="Branch" value={value} options={options} onChange={() => {}} />);

describe('FilterSelect', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('offers all first, then each option by name, and shows the one chosen', async () => {
    await i18next.changeLanguage('en');
    const html = render('dg');
    expect(html).toContain('aria-label="Branch"');
    const values = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(values).toEqual([
      ['', i18next.t('reports.all')],
      ['gz', 'Guangzhou branch'],
      ['dg', 'Dongguan branch'],
    ]);
    expect(html).toMatch(/<option value="dg" selected="">/);
    expect(render(undefined)).toMatch(/<option value="" selected="">/);
  });
});
