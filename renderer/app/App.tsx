import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/use-session';
import { SignInScreen } from '../screens/SignInScreen';
import { Shell } from './Shell';
import { useLanguage } from './use-language';

/** Sign-in or the working shell; an expired token keeps the shell (work goes on, the bar asks to sign in again). */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const changeLanguage = useLanguage(session);
  if (session.status === 'loading') {
    return (
      <div className="signin" aria-busy="true">
        <p style={{ color: '#fff' }}>{t('app.loading')}</p>
      </div>
    );
  }
  if (!session.user || session.status === 'signed_out') {
    return <SignInScreen signIn={session.signIn} onLanguage={changeLanguage} />;
  }
  return <Shell session={session} user={session.user} onLanguage={changeLanguage} />;
}
