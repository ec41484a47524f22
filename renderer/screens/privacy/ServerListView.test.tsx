import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServerList } from '../../hooks/use-privacy-records';
import { initI18n } from '../../i18n/i18n';
import { ServerListView } from './ServerListView';

const list = (change: Partial<ServerList<string>>): ServerList<string> => ({ items: [], error: null, loading: false, more: false, loadMore: () => {}, reload: () => {}, ...change }) as ServerList<string>;
const render = (l: ServerList<string>) =>
  renderToStaticMarkup(
    <ServerListView list={l}>
      <table className="list" />
    </ServerListView>,
  );

describe('ServerListView', () => {
  beforeAll(async () => {
    initI18n('en');
    await i18next.changeLanguage('en');
  });

  it('says why the list could not be read, and shows no table', () => {
    const html = render(list({ error: 'offline' }));
    expect(html).toContain('role="alert"');
    expect(html).toContain(i18next.t('privacy.needsServer', { message: 'offline' }));
    expect(html).not.toContain('<table');
  });

  it('says it is loading, or that there is nothing, before any row', () => {
    expect(render(list({ loading: true }))).toContain(i18next.t('privacy.loading'));
    expect(render(list({}))).toContain(i18next.t('privacy.empty'));
    expect(render(list({}))).not.toContain('<table');
  });

  it('shows the table once there are rows, and a button for more while the server has more', () => {
    const html = render(list({ items: ['a'], more: true }));
    expect(html).toContain('<table class="list">');
    expect(html).toContain(`>${i18next.t('privacy.more')}</button>`);
    expect(render(list({ items: ['a'] }))).not.toContain('</button>');
  });
});
