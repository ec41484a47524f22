import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n';
import { atRestState } from '../data/crypto/at-rest';
import { AtRestNote } from './AtRestNote';

describe('what Settings says about personal data at rest', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('names who holds the key when the replica is encrypted', () => {
    expect(renderToStaticMarkup(<AtRestNote state="os-keychain" />)).toContain('system keychain');
    expect(renderToStaticMarkup(<AtRestNote state="browser" />)).toContain('browser');
  });

  it('says plainly that data is not encrypted without a key, and marks it', () => {
    for (const state of ['no-keychain', 'unreadable'] as const) {
      const html = renderToStaticMarkup(<AtRestNote state={state} />);
      expect(html).toContain('Not encrypted');
      expect(html).toContain('at-rest clear');
    }
  });

  it('says it in Chinese too', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<AtRestNote state="no-keychain" />)).toContain('未加密');
    await i18next.changeLanguage('en');
  });

  it('follows the store: a key means encrypted, no key means clear', () => {
    expect(atRestState({ kind: 'clear', reason: 'no-keychain' })).toBe('no-keychain');
    expect(atRestState({ kind: 'clear', reason: 'unreadable' })).toBe('unreadable');
  });
});
