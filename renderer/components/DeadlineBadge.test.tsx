import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { defaultPolicy } from '../../shared/policy/policy';
import { defaultCalendar } from '../../shared/calendar/calendar';
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

  it('says time left in working days where the rule counts working days, across a weekend', async () => {
    await i18next.changeLanguage('en');
    // Monday 23 Nov 14:00 in Shanghai; due Friday 27th 17:00 (4 working days) and Monday 30th 17:00 (5).
    const handling = (due: string) => renderToStaticMarkup(<DeadlineBadge due={due} clock="handling" now={now} policy={defaultPolicy} calendar={defaultCalendar()} />);
    expect(handling('2026-11-27T09:00:00Z')).toContain('4 working days left');
    expect(handling('2026-11-30T09:00:00Z')).toContain('5 working days left');
    // The callback counts calendar days by default: a calendar span, as before.
    const callback = renderToStaticMarkup(<DeadlineBadge due="2026-11-30T09:00:00Z" clock="callback" now={now} policy={defaultPolicy} calendar={defaultCalendar()} />);
    expect(callback).toContain('7 d left');
    await i18next.changeLanguage('zh-CN');
    expect(handling('2026-11-30T09:00:00Z')).toContain('剩 5 个工作日');
  });

  it('keeps hours under a day even on a working-day clock', async () => {
    await i18next.changeLanguage('en');
    const html = renderToStaticMarkup(<DeadlineBadge due="2026-11-23T09:00:00Z" clock="handling" now={now} policy={defaultPolicy} calendar={defaultCalendar()} />);
    expect(html).toContain('3 h left');
  });

  it('shows nothing without a deadline', () => {
    expect(renderToStaticMarkup(<DeadlineBadge due={undefined} now={now} policy={defaultPolicy} />)).toBe('');
  });
});
