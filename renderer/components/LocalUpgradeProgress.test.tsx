import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n';
import { LocalUpgradeProgress } from './LocalUpgradeProgress';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const render = () => renderToStaticMarkup(<LocalUpgradeProgress progress={{ collection: 'complaints', handled: 3000, total: 100000 }} />);

describe('LocalUpgradeProgress', () => {
  beforeAll(() => {
    initI18n('zh-CN');
  });

  it('says how many documents of the total are upgraded, in English and in zh-CN', async () => {
    await i18next.changeLanguage('en');
    expect(text(render())).toContain('Upgrading local data: 3000 of 100000');
    await i18next.changeLanguage('zh-CN');
    expect(text(render())).toContain('正在升级本地数据：3000/100000');
  });

  it('is a busy status with a bar at the same point', async () => {
    await i18next.changeLanguage('en');
    const html = render();
    expect(html).toMatch(/role="status" aria-busy="true"/);
    expect(html).toMatch(/<progress max="100000" value="3000"/);
  });
});
