import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { PrintRecordCell } from './PrintRecordCell';

const render = (number: string) =>
  renderToStaticMarkup(
    <table>
      <tbody>
        <tr>
          <PrintRecordCell number={number} onPrint={() => {}} />
        </tr>
      </tbody>
    </table>,
  );

describe('PrintRecordCell', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it("names the complaint it prints, in the page's language", async () => {
    await i18next.changeLanguage('en');
    const en = render('GZ-20261123-0001');
    expect(en).toContain(`aria-label="${i18next.t('reports.printRecordOf', { number: 'GZ-20261123-0001' })}"`);
    expect(en).toContain('GZ-20261123-0001');
    expect(en).toContain(`>${i18next.t('reports.printRecord')}</button>`);
    await i18next.changeLanguage('zh-CN');
    expect(render('GZ-20261123-0001')).toContain(`>${i18next.t('reports.printRecord')}</button>`);
    expect(i18next.t('reports.printRecord')).not.toBe(en.match(/>([^<]+)<\/button>/)?.[1]);
  });
});
