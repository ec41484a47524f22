import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseSession } from '../hooks/use-session';
import { getPlatform } from '../platform';
import { isLanguage, languageForLocale, type Language } from '../i18n/pick-language';
import { readDeviceLanguage, writeDeviceLanguage } from '../state/device-language';

/**
 * Keeps the display language right: the signed-in user's remembered choice,
 * else this workstation's last choice, else the system locale (first run).
 * Returns the handler for the Language control.
 */
export function useLanguage(session: Pick<UseSession, 'user' | 'language' | 'setLanguage'>): (l: Language) => void {
  const { i18n } = useTranslation();

  // First run: nothing remembered, so ask the system (the desktop shell knows
  // the OS locale better than navigator.language does).
  useEffect(() => {
    if (readDeviceLanguage() !== null) return;
    let cancelled = false;
    getPlatform()
      .getLocale()
      .then((locale) => {
        if (!cancelled && readDeviceLanguage() === null) void i18n.changeLanguage(languageForLocale(locale));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [i18n]);

  const remembered = session.user ? session.language : null;
  useEffect(() => {
    if (isLanguage(remembered) && remembered !== i18n.language) void i18n.changeLanguage(remembered);
  }, [remembered, i18n]);

  useEffect(() => {
    const apply = (lng: string) => {
      document.documentElement.lang = lng;
      // The desktop shell starts in it next time, so native date fields follow the UI's language too.
      if (isLanguage(lng)) void getPlatform().setUiLanguage(lng).catch(() => undefined);
    };
    apply(i18n.language);
    i18n.on('languageChanged', apply);
    return () => i18n.off('languageChanged', apply);
  }, [i18n]);

  const { user, setLanguage } = session;
  return useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      writeDeviceLanguage(language);
      if (user) void setLanguage(language);
    },
    [i18n, user, setLanguage],
  );
}
