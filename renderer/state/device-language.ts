import { isLanguage, type Language } from '../i18n/pick-language';

/**
 * The language last used on this workstation, for the sign-in screen before
 * anyone is signed in. Each user's own choice is kept with their session.
 */
const KEY = 'hotlineDesk.language';

export function readDeviceLanguage(): Language | null {
  try {
    const v = localStorage.getItem(KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function writeDeviceLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode or full storage: the choice lasts for this run only.
  }
}
