import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/i18n';
import type { ServerChangeResult } from '../data/server-change';
import { testUsers } from '../data/test-support';
import { SettingsScreen } from '../screens/SettingsScreen';
import { ServerAddressView } from './ServerAddressView';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const render = (outcome: ServerChangeResult | null, o: { busy?: boolean; pending?: number } = {}) =>
  renderToStaticMarkup(
    <ServerAddressView
      current="https://central.example.com"
      value="http://hub-gz:8787"
      busy={o.busy ?? false}
      outcome={outcome}
      pending={o.pending ?? 0}
      onChange={() => {}}
      onSubmit={() => {}}
    />,
  );

describe('ServerAddressView', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('is one labelled address field and a Connect button, saying which server is in use and what moves', async () => {
    await i18next.changeLanguage('en');
    const html = render(null, { pending: 3 });
    expect(html).toMatch(/<label for="([^"]+)">Server address<\/label><input id="\1" type="url"/);
    expect(html).toMatch(/<button type="submit"[^>]*>Connect<\/button>/);
    expect(text(html)).toContain('This workstation syncs with https://central.example.com');
    expect(text(html)).toContain('Your 3 unsynced changes stay on this workstation and go to the new server.');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('aria-invalid');
  });

  it('says why an address was refused, as an alert tied to the field', async () => {
    await i18next.changeLanguage('en');
    const html = render({ ok: false, error: 'plain_http' });
    const alert = /<p id="([^"]+)" role="alert"[^>]*>(.*?)<\/p>/.exec(html);
    expect(text(alert?.[2] ?? '')).toContain('Plain http:// is allowed only to this computer or a host on this workstation’s LAN list');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(new RegExp(`aria-describedby="[^"]*${alert?.[1]}`));
    expect(text(render({ ok: false, error: 'declined' }))).toContain('Not changed: the change was not confirmed.');
    await i18next.changeLanguage('zh-CN');
    expect(text(render({ ok: false, error: 'plain_http' }))).toContain('明文 http:// 只允许连接本机或本机局域网名单中的主机');
    expect(text(render(null))).toContain('服务器地址');
  });

  it('after a change, says to sign in again at the new server; never an alert', async () => {
    await i18next.changeLanguage('en');
    const html = render({ ok: true, serverUrl: 'http://hub-gz:8787', changed: true, reloadRequired: false });
    expect(html).toContain('role="status"');
    expect(text(html)).toContain('This workstation now syncs with http://hub-gz:8787. Sign in again there');
    expect(text(render({ ok: true, serverUrl: 'https://central.example.com', changed: false, reloadRequired: false }))).toContain(
      'This workstation already syncs with https://central.example.com.',
    );
    expect(render(null, { busy: true })).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Connecting…<\/button>/);
  });

  it('is in Settings for admins only', async () => {
    await i18next.changeLanguage('en');
    const admin = { ...testUsers.supervisor, id: 'u-admin', username: 'admin', role: 'admin' as const, branchId: '' };
    expect(renderToStaticMarkup(<SettingsScreen user={admin} onLanguage={() => {}} />)).toContain('Server address');
    for (const user of Object.values(testUsers)) {
      expect(renderToStaticMarkup(<SettingsScreen user={user} onLanguage={() => {}} />)).not.toContain('Server address');
    }
  });
});
