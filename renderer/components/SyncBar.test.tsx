import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { SyncState } from '../data/types/sync';
import { initI18n } from '../i18n/i18n';
import { SyncBar } from './SyncBar';

const sync = (change: Partial<SyncState> = {}): SyncState => ({
  online: true, syncing: false, pending: 3, lastSyncedAt: '2026-11-23T09:00:00Z', authExpired: false, error: null, upstream: null, firstSync: null, ...change,
});

/** The element's text as automation reads it (textContent), without markup. */
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

function render(state: SyncState, expired = false) {
  return renderToStaticMarkup(<SyncBar sync={state} expired={expired} timeZone="Asia/Shanghai" onSignInAgain={() => {}} />);
}

describe('SyncBar', () => {
  beforeAll(() => {
    initI18n('zh-CN');
  });

  it('is a status named "Sync status" in English and by its Chinese label in zh-CN', async () => {
    await i18next.changeLanguage('en');
    expect(render(sync())).toMatch(/role="status" aria-label="Sync status"/);
    await i18next.changeLanguage('zh-CN');
    expect(render(sync())).toMatch(/role="status" aria-label="同步状态"/);
  });

  it('keeps "Online" and "N pending" in English inside the Chinese text', async () => {
    await i18next.changeLanguage('zh-CN');
    const t = text(render(sync()));
    expect(t).toContain('在线');
    expect(t).toContain('Online');
    expect(t).toContain('3 pending');
    expect(t).toContain('2026-11-23 17:00');
  });

  it("shows an empty workstation's first sync: complaints and events so far, time left, intake meanwhile", async () => {
    const firstSync = { complaints: 1200, events: 6500, totalComplaints: 10000, totalEvents: 55000, msLeft: 150_000 };
    await i18next.changeLanguage('en');
    const en = text(render(sync({ firstSync })));
    expect(en).toContain('First sync: 1200 of 10000 complaints, 6500 of 55000 events here, about 3 min left');
    expect(en).toContain('new complaints can be taken meanwhile');
    await i18next.changeLanguage('zh-CN');
    const zh = text(render(sync({ firstSync: { ...firstSync, msLeft: 20_000 } })));
    expect(zh).toContain('首次同步：已到本机 1200/10000 件投诉，6500/55000 条事件, 约剩 20 秒');
    expect(text(render(sync()))).not.toContain('首次同步');
  });

  it('says Offline and the count in English', async () => {
    await i18next.changeLanguage('en');
    const t = text(render(sync({ online: false, pending: 0 })));
    expect(t).toContain('Offline');
    expect(t).toContain('0 pending');
    expect(t).not.toContain('Online');
  });

  it('asks to sign in again when the token expired, in both languages', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(text(render(sync({ authExpired: true })))).toMatch(/sign in again/i);
    await i18next.changeLanguage('en');
    expect(text(render(sync(), true))).toMatch(/sign in again/i);
  });
});

describe('SyncBar stays truthful', () => {
  it('says it is trying to reach the server, not syncing, while offline', async () => {
    await i18next.changeLanguage('en');
    const t = text(render(sync({ online: false, syncing: true, pending: 2 })));
    expect(t).toContain('Offline');
    expect(t).toContain('trying to reach the server');
    expect(t).not.toContain('Syncing');
    expect(t).toContain('2 pending (kept safe on this computer)');
  });

  it('says syncing while online', async () => {
    await i18next.changeLanguage('en');
    expect(text(render(sync({ syncing: true })))).toContain('Syncing');
  });

  it('does not claim syncing with an expired session', async () => {
    await i18next.changeLanguage('en');
    const t = text(render(sync({ syncing: true, authExpired: true, pending: 4 })));
    expect(t).not.toContain('Syncing');
    expect(t).toContain('4 pending (kept safe on this computer)');
    expect(t).toMatch(/paused/);
  });

  it('says when it never synced', async () => {
    await i18next.changeLanguage('en');
    expect(text(render(sync({ lastSyncedAt: null })))).toContain('not yet synced');
  });

  it("behind a branch hub, shows the hub's own link to central and what waits there, in both languages", async () => {
    await i18next.changeLanguage('en');
    expect(text(render(sync({ upstream: { connected: false, lastSyncAt: null, pendingUp: 5, confirmedThrough: 0 } })))).toContain(
      'the hub cannot reach the central server; changes wait at the hub (5 waiting at the hub)',
    );
    expect(text(render(sync({ upstream: { connected: true, lastSyncAt: null, pendingUp: 0, confirmedThrough: 0 } })))).toContain('the hub reaches the central server');
    expect(text(render(sync()))).not.toContain('hub');
    await i18next.changeLanguage('zh-CN');
    expect(text(render(sync({ upstream: { connected: false, lastSyncAt: null, pendingUp: 2, confirmedThrough: 0 } })))).toContain('网点枢纽无法连接中心服务器');
  });
});
