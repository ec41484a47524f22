import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { defaultPolicy } from '../../shared/policy/policy';
import { initI18n } from '../i18n/i18n';
import { DeadlineBadge } from './DeadlineBadge';

const now = '2026-11-23T06:00:00.000Z';

describe('DeadlineBadge', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('says the time left with colour class, icon and words', async () => {
    await i18next.changeLanguage('en');
    const html = renderToStaticMarkup(<DeadlineBadge due="2026-11-23T08:30:00Z" clock="callback" now={now} policy={defaultPolicy} />);
    expect(html).toContain('deadline amber');
    expect(html).toContain('⚠');
    expect(html).toContain('2 h left');
  });

  it('says how long overdue, in Chinese too', async () => {
    await i18next.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(<DeadlineBadge due="2026-11-22T05:00:00Z" now={now} policy={defaultPolicy} />);
    expect(html).toContain('deadline red');
    expect(html).toContain('已超时 1 天');
  });

  it('shows nothing without a deadline', () => {
    expect(renderToStaticMarkup(<DeadlineBadge due={undefined} now={now} policy={defaultPolicy} />)).toBe('');
  });
});
