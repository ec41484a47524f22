import { useCallback } from 'react';
import { of } from 'rxjs';
import { useWorkstationStore } from '../data/context';
import type { SessionStatus, SessionUser, SignInResult } from '../data/types/session';
import type { Language } from '../i18n/pick-language';
import type { SessionSnapshot } from '../data/session';
import { useDraftStore } from '../state/intake-draft-store';
import { useObservable } from './use-observable';

export interface UseSession {
  user: SessionUser | null;
  status: SessionStatus;
  /** Signed in through the local verifier while the server was unreachable. */
  offline: boolean;
  /** The user's remembered language, null before they chose one. */
  language: Language | null;
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Ends the session; the user's unsynced events stay in their own database, intake drafts go. */
  signOut(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

const LOADING: SessionSnapshot = { user: null, status: 'loading', offline: false, language: null };

export function useSession(): UseSession {
  const workstation = useWorkstationStore();
  const snap = useObservable(() => (workstation ? workstation.session.state$ : of(LOADING)), LOADING, [workstation]);
  const signIn = useCallback(
    async (username: string, password: string): Promise<SignInResult> => {
      if (!workstation) return { ok: false, error: 'network' };
      const result = await workstation.session.signIn(username, password);
      // Another person at this workstation: no earlier caller's half-typed details for them.
      const now = workstation.session.current().user;
      if (result.ok && now) {
        const drafts = useDraftStore.getState();
        for (const owner of Object.keys(drafts.drafts)) if (owner !== now.id) drafts.clear(owner);
      }
      return result;
    },
    [workstation],
  );
  const signOut = useCallback(async () => {
    useDraftStore.getState().clearAll();
    await workstation?.session.signOut();
  }, [workstation]);
  const setLanguage = useCallback(
    async (language: Language) => {
      await workstation?.session.setLanguage(language);
    },
    [workstation],
  );
  return { ...snap, signIn, signOut, setLanguage };
}
