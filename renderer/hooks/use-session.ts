import { useCallback } from 'react';
import { of } from 'rxjs';
import { useDataStore } from '../data/context';
import type { SessionStatus, SessionUser, SignInResult } from '../data/types';
import type { Language } from '../i18n/pick-language';
import type { SessionSnapshot } from '../data/session';
import { useObservable } from './use-observable';

export interface UseSession {
  user: SessionUser | null;
  status: SessionStatus;
  /** Signed in through the local verifier while the server was unreachable. */
  offline: boolean;
  /** The user's remembered language, null before they chose one. */
  language: Language | null;
  signIn(username: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

const LOADING: SessionSnapshot = { user: null, status: 'loading', offline: false, language: null };

export function useSession(): UseSession {
  const store = useDataStore();
  const snap = useObservable(() => (store ? store.session.state$ : of(LOADING)), LOADING, [store]);
  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInResult> =>
      store ? store.session.signIn(username, password) : { ok: false, error: 'network' },
    [store],
  );
  const signOut = useCallback(async () => {
    await store?.session.signOut();
  }, [store]);
  const setLanguage = useCallback(
    async (language: Language) => {
      await store?.session.setLanguage(language);
    },
    [store],
  );
  return { ...snap, signIn, signOut, setLanguage };
}
