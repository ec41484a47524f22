import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n';
import { SealedReplicaNotice } from './SealedReplicaNotice';

describe('the notice of a replica kept unopened without its key', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('is an alert that says the data is kept and why it is not shown, in both languages', async () => {
    const html = renderToStaticMarkup(<SealedReplicaNotice />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('system keychain can no longer open');
    expect(html).toContain('kept unchanged');
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<SealedReplicaNotice />)).toContain('原样保留');
    await i18next.changeLanguage('en');
  });
});
