import { useTranslation } from 'react-i18next';
import { A11Y, A11Y_TEXT, accessibleName, type A11yKey } from './accessible-names';

export interface AccessibleNames {
  /** A name of the automation contract; `visibleKey` when the control shows other text than the usual. */
  of(key: A11yKey, visibleKey?: string): string;
  /** Any other control: `english` in the English UI, else `visible` (the translated text it shows). */
  either(english: string, visible: string): string;
}

/** Accessible names in the display language (see accessible-names.ts). */
export function useAccessibleName(): AccessibleNames {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    of: (key, visibleKey) => accessibleName(language, A11Y[key], t(visibleKey ?? A11Y_TEXT[key])),
    either: (english, visible) => accessibleName(language, english, visible),
  };
}
