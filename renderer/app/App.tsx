import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkstationStore } from '../data/context';
import { useUiStore } from '../state/ui-store';
import { openDrafts, useDraftStore } from '../state/intake-draft-store';
import { landingScreen, landsAfterSignIn } from './landing';
import { formatHash } from './route';
import { useSession } from '../hooks/use-session';
import { SignInScreen } from '../screens/SignInScreen';
import { Shell } from './Shell';
import { useLanguage } from './use-language';

/** Sign-in or the working shell; an expired token keeps the shell (work goes on, the bar asks to sign in again). */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  const changeLanguage = useLanguage(session);
  // The workstation's session knows who signed in; the user's own store opens only after that.
  const workstation = useWorkstationStore();
  const { signIn } = session;
  // The intake drafts are sealed with the workstation's key: read once it is known, and the shell waits for them.
  useEffect(() => {
    if (workstation) void openDrafts(workstation.atRest);
  }, [workstation]);
  const draftsReady = useDraftStore((s) => s.ready);
  // A sign-in leads to the role's own work, whatever screen the last person left open.
  const signInAndLand = useCallback(
    async (username: string, password: string) => {
      const hashBefore = window.location.hash;
      const result = await signIn(username, password);
      const user = workstation?.session.current().user;
      const screen = user ? landingScreen(user.role) : null;
      const landing = screen && landsAfterSignIn({ hashBefore, hashNow: window.location.hash, screenNow: useUiStore.getState().screen, landing: screen });
      if (result.ok && user && screen && landing) {
        window.history.replaceState(null, '', formatHash({ screen, complaintId: null }));
        useUiStore.getState().select(null);
        useUiStore.getState().go(screen);
      }
      return result;
    },
    [signIn, workstation],
  );
  const signedIn = session.user !== null && session.status !== 'signed_out';
  if (session.status === 'loading' || (signedIn && !draftsReady)) {
    return (
      <div className="signin" aria-busy="true">
        <p style={{ color: '#fff' }}>{t('app.loading')}</p>
      </div>
    );
  }
  if (!signedIn || !session.user) {
    return <SignInScreen signIn={signInAndLand} onLanguage={changeLanguage} />;
  }
  return <Shell session={session} user={session.user} onLanguage={changeLanguage} />;
}
