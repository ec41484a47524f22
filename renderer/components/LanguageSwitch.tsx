import { useTranslation } from 'react-i18next';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { isLanguage, type Language } from '../i18n/pick-language';

interface Props {
  onChange(language: Language): void;
}

/** "Language": offers English and 中文, each named in its own language. */
export function LanguageSwitch({ onChange }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <select
      aria-label={an.of('language')}
      title={t('language.label')}
      value={current}
      onChange={(e) => isLanguage(e.target.value) && onChange(e.target.value)}
    >
      <option value="zh-CN" lang="zh-CN">中文</option>
      <option value="en" lang="en">English</option>
    </select>
  );
}
