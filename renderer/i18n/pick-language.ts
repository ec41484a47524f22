export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a first run: Chinese or English when the system speaks
 * one of them, zh-CN for anything else (the centres' working language).
 */
export function languageForLocale(locale: string | null | undefined): Language {
  const tag = (locale ?? '').trim().toLowerCase();
  if (tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_')) return 'en';
  return DEFAULT_LANGUAGE;
}

/** A remembered choice wins over the system locale. */
export function initialLanguage(remembered: unknown, systemLocale: string | null | undefined): Language {
  return isLanguage(remembered) ? remembered : languageForLocale(systemLocale);
}
