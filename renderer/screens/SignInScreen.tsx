import { useTranslation } from 'react-i18next';
import type { SignInResult } from '../data/types/session';
import type { Language } from '../i18n/pick-language';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SignInForm } from '../components/SignInForm';

interface Props {
  signIn(username: string, password: string): Promise<SignInResult>;
  onLanguage(language: Language): void;
}

export function SignInScreen({ signIn, onLanguage }: Props) {
  const { t } = useTranslation();
  return (
    <main className="signin">
      <div>
        <div className="lang" style={{ textAlign: 'right', marginBottom: 8 }}>
          <LanguageSwitch onChange={onLanguage} />
        </div>
        <h1 style={{ color: '#fff', textAlign: 'center' }}>{t('signIn.title')}</h1>
        <SignInForm signIn={signIn} />
      </div>
    </main>
  );
}
