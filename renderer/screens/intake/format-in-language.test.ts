import { describe, expect, it } from 'vitest';
import { formatInLanguage } from './format-in-language';

describe('date fields follow the UI language', () => {
  it('writes the same instant in Chinese or English, in the centre time zone', () => {
    const at = '2026-11-23T01:30:00.000Z';
    expect(formatInLanguage(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月23日 09:30');
    expect(formatInLanguage(at, 'en', 'Asia/Shanghai')).toBe('23 Nov 2026, 09:30');
  });

  it('shows nothing for a missing or unreadable time', () => {
    expect(formatInLanguage(undefined, 'en', 'Asia/Shanghai')).toBe('');
    expect(formatInLanguage('not a date', 'zh-CN', 'Asia/Shanghai')).toBe('');
  });
});
