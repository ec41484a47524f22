import { describe, expect, it } from 'vitest';
import { initialLanguage, languageForLocale } from './pick-language';

describe('languageForLocale', () => {
  it('follows an English system', () => {
    expect(languageForLocale('en-US')).toBe('en');
    expect(languageForLocale('en')).toBe('en');
    expect(languageForLocale('en_GB')).toBe('en');
  });
  it('follows a Chinese system, whatever the script or region', () => {
    expect(languageForLocale('zh-CN')).toBe('zh-CN');
    expect(languageForLocale('zh-TW')).toBe('zh-CN');
    expect(languageForLocale('zh-Hans-CN')).toBe('zh-CN');
  });
  it('falls back to zh-CN for any other language or none', () => {
    expect(languageForLocale('fr-FR')).toBe('zh-CN');
    expect(languageForLocale('')).toBe('zh-CN');
    expect(languageForLocale(undefined)).toBe('zh-CN');
    expect(languageForLocale('english')).toBe('zh-CN');
  });
});

describe('initialLanguage', () => {
  it('prefers the remembered choice', () => {
    expect(initialLanguage('en', 'zh-CN')).toBe('en');
    expect(initialLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });
  it('ignores a remembered value that is not a language', () => {
    expect(initialLanguage('de', 'en-US')).toBe('en');
    expect(initialLanguage(null, 'ja-JP')).toBe('zh-CN');
  });
});
