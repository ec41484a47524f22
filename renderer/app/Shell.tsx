import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../data/types/session';
import type { UseSession } from '../hooks/use-session';
import { useReference } from '../hooks/use-reference';
import { useRejectedEvents } from '../hooks/use-rejected-events';
import { useSyncState } from '../hooks/use-sync-state';
import { useAccessibleName } from '../i18n/use-accessible-name';
import type { Language } from '../i18n/pick-language';
import { useUiStore } from '../state/ui-store';
import { Dialog } from '../components/Dialog';
import { HelpDialog } from '../components/HelpDialog';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Nav } from '../components/Nav';
import { SearchBox, SEARCH_INPUT_ID } from '../components/SearchBox';
import { SignInForm } from '../components/SignInForm';
import { SignOutDialog } from '../components/SignOutDialog';
import { SyncBar } from '../components/SyncBar';
import { LocalUpgradeProgress } from '../components/LocalUpgradeProgress';
import { useLocalUpgrade } from '../hooks/use-local-upgrade';
import { useReplicaRefusal } from '../hooks/use-replica-refusal';
import { SealedReplicaNotice } from '../components/SealedReplicaNotice';
import { CUSTOMER_NAME_ID } from '../screens/IntakeScreen';
import { ScreenView } from './ScreenView';
import { SidePanel } from './SidePanel';
import { allowedScreens } from './nav-items';
import { isTypingTarget, matches } from './hotkeys';
import { useHashRoute } from './use-hash-route';
import { landingScreen } from './landing';
import { parseHash } from './route';
import { useHotkey } from './use-hotkey';
import { useDeadlineNotifications } from './use-deadline-notifications';
import { usePendingBadge } from './use-pending-badge';
import { usesSidePanel } from './side-panel-screens';
import { useTopOnScreenChange } from './use-top-on-screen-change';
import { useScreenPop } from './use-screen-pop';

interface Props {
  session: UseSession;
  user: SessionUser;
  onLanguage(language: Language): void;
}

const focusById = (id: string) => {
  // After a screen switch the element mounts on the next frame.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
};

/** One window: top bar, navigation, centre, right panel, sync bar. */
export function Shell({ session, user, onLanguage }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const sync = useSyncState();
  const upgrade = useLocalUpgrade();
  const refused = useReplicaRefusal();
  const reference = useReference();
  const rejected = useRejectedEvents();
  const screen = useUiStore((s) => s.screen);
  const go = useUiStore((s) => s.go);
  const helpOpen = useUiStore((s) => s.helpOpen);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  const setSoothingVisible = useUiStore((s) => s.setSoothingVisible);
  const [reauthOpen, setReauthOpen] = useState(false);
  const [signOutAsk, setSignOutAsk] = useState(false);
  // A call from the phone system first (it takes the address), then the landing.
  useScreenPop(user.id);
  // Opened with no place in the address (a fresh start): the role's own work. A reopened
  // window with an address goes back where it was.
  useEffect(() => {
    if (!parseHash(window.location.hash)) go(landingScreen(user.role));
    // Only when the shell first appears for this user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.id]);
  useHashRoute();
  useDeadlineNotifications(user);
  usePendingBadge(sync.pending);

  const allowed = allowedScreens(user.role);
  const current = allowed.includes(screen) ? screen : 'queue';
  const mainRef = useRef<HTMLElement>(null);
  useTopOnScreenChange(mainRef, current);

  useHotkey((e) => {
    // A modal dialog owns the keyboard until it closes (it handles Escape and Tab itself).
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    if (matches(e, 'Alt+N')) {
      e.preventDefault();
      go('new');
      focusById(CUSTOMER_NAME_ID);
    } else if (matches(e, 'Alt+S')) {
      e.preventDefault();
      // The soothing panel beside an open complaint, else the one beside intake.
      const beside = document.getElementById('soothing-first');
      if (beside) {
        beside.focus();
        return;
      }
      if (current !== 'new') go('new');
      setSoothingVisible(true);
      focusById('soothing-first');
    } else if (matches(e, 'Ctrl+F') || (matches(e, '/') && !isTypingTarget(e.target))) {
      e.preventDefault();
      focusById(SEARCH_INPUT_ID);
    } else if (e.key === 'F1' || (matches(e, '?') && !isTypingTarget(e.target))) {
      e.preventDefault();
      setHelpOpen(true);
    }
  });

  return (
    <div className={usesSidePanel(current) ? 'shell' : 'shell no-side'}>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <SearchBox />
        <span className="who">{t('shell.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</span>
        <LanguageSwitch onChange={onLanguage} />
        <button
          type="button"
          aria-label={an.of('signOut')}
          onClick={() => (sync.pending > 0 ? setSignOutAsk(true) : void session.signOut())}
        >
          {t('shell.signOut')}
        </button>
      </header>
      <Nav role={user.role} rejectedCount={rejected.length} pendingCount={sync.pending} />
      <main className="main" ref={mainRef}>
        {upgrade && <LocalUpgradeProgress progress={upgrade} />}
        {refused === 'sealed-without-key' && <SealedReplicaNotice />}
        <ScreenView screen={current} user={user} onLanguage={onLanguage} />
      </main>
      <aside className="side">
        <SidePanel screen={current} user={user} />
      </aside>
      <SyncBar
        sync={sync}
        expired={session.status === 'expired'}
        timeZone={reference.policy.timeZone}
        onSignInAgain={() => setReauthOpen(true)}
      />
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      {signOutAsk && (
        <SignOutDialog
          pending={sync.pending}
          onCancel={() => setSignOutAsk(false)}
          onConfirm={() => {
            setSignOutAsk(false);
            void session.signOut();
          }}
        />
      )}
      {reauthOpen && (
        <Dialog label={an.either('Sign in again', t('sync.signInAgain'))} title={t('sync.signInAgain')} onClose={() => setReauthOpen(false)}>
          <div className="signin-inline">
            <SignInForm initialUsername={user.username} signIn={session.signIn} onDone={() => setReauthOpen(false)} />
          </div>
        </Dialog>
      )}
    </div>
  );
}
