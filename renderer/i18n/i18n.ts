import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';
import { DEFAULT_LANGUAGE, type Language } from './pick-language';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** Starts i18next once, in the language the caller picked (remembered or system). */
export function initI18n(language: Language) {
  if (i18next.isInitialized) {
    if (i18next.language !== language) void i18next.changeLanguage(language);
    return i18next;
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes text itself; user text is never HTML here.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
