import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../i18n/i18n';
import { issuePhrase } from './script-issue';

async function tIn(lng: 'en' | 'zh-CN') {
  const i = i18next.createInstance();
  await i.init({ resources, lng, interpolation: { escapeValue: false } });
  return i.t;
}

describe('the issue in a script line', () => {
  it('says the category as a sentence says it, not as its list label', async () => {
    const en = await tIn('en');
    expect(issuePhrase(en, '', 'price')).toBe('the charges');
    expect(issuePhrase(en, null, 'attitude')).toBe('the way you were treated');
    const zh = await tIn('zh-CN');
    expect(issuePhrase(zh, '', 'price')).toBe('资费问题');
  });

  it('prefers the sub-type the agent typed, and says “this matter” before any category', async () => {
    const zh = await tIn('zh-CN');
    expect(issuePhrase(zh, ' 套餐资费 ', 'price')).toBe('套餐资费');
    expect(issuePhrase(zh, '', '')).toBe('此事');
    expect(issuePhrase(await tIn('en'), undefined, null)).toBe('this matter');
  });
});
