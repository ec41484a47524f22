import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { HubLinksTable } from './HubLinksTable';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const links = [
  { id: 'a', username: 'hub.gz', branchId: 'gz', connected: true, lastContactAt: '2026-12-06T01:00:00.000Z', pendingUp: 0 },
  { id: 'b', username: 'hub.dg', branchId: 'dg', connected: false, lastContactAt: null, pendingUp: 12 },
];

describe('HubLinksTable', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('says per hub whether it is connected, its last contact and what waits at it, in both languages', async () => {
    await i18next.changeLanguage('en');
    const en = text(renderToStaticMarkup(<HubLinksTable links={links} when={(iso) => iso.slice(0, 10)} />));
    expect(en).toContain('hub.gz connected last contact 2026-12-06 up to date');
    expect(en).toContain('hub.dg not connected never checked in 12 events waiting');
    await i18next.changeLanguage('zh-CN');
    const zh = text(renderToStaticMarkup(<HubLinksTable links={links} when={(iso) => iso.slice(0, 10)} />));
    expect(zh).toContain('未连接');
    expect(zh).toContain('12 条事件等待上传');
  });
});
