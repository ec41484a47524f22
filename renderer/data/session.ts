import { BehaviorSubject, type Observable } from 'rxjs';
import { SECRET_NAMES } from '../../shared/platform/bridge';
import { roleSchema } from '../../shared/roles';
import type { LocalMeta } from './local-meta';
import type { DataPlatform } from './platform-port';
import { checkVerifier, createVerifier, DEFAULT_ITERATIONS, type PasswordVerifier } from './password-verifier';
import { ApiError, isUnreachable, type Api } from './sync/api';
import type { Language, SessionStatus, SessionUser, SignInResult } from './types/session';

export interface SessionSnapshot {
  user: SessionUser | null;
  /** 'expired': the server refused the token; local work goes on, sync waits for a new sign-in. */
  status: SessionStatus;
  offline: boolean;
  language: Language | null;
}

interface StoredSession {
  user: SessionUser;
  offline: boolean;
  expired?: boolean;
}

interface StoredVerifier {
  verifier: PasswordVerifier;
  user: SessionUser;
  /** The server's credentials version of the account when the verifier was made (absent from older builds). */
  credentialsVersion?: string;
}

/** What the server last said about an account: a notice disables offline sign-in with an older verifier. */
export interface CredentialsNotice {
  userId: string;
  /** False when the account is disabled. */
  active?: boolean;
  /** Changes whenever an admin changes the account (password, disabled, role, branch). */
  credentialsVersion?: string;
}

type StoredNotices = Record<string, { active: boolean; credentialsVersion: string | null }>;

const CURRENT_KEY = 'session.current';
const TOKEN_OWNER_KEY = 'session.tokenOwner';
const verifierKey = (username: string) => `session.verifier.${username.trim().toLowerCase()}`;
const languageKey = (userId: string) => `session.language.${userId}`;
const NOTICES_KEY = 'session.credentials';
const LOGOUT_WAIT_MS = 2000;

export interface Session {
  state$: Observable<SessionSnapshot>;
  current(): SessionSnapshot;
  /** The bearer token, only when it belongs to the signed-in user. */
  token(): string | null;
  restore(): Promise<void>;
  signIn(username: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
  /**
   * The server answered 401 to a request of `userId` sent with `sentToken` (null: none): keep the
   * user and local work, ask for a new sign-in. Ignored unless that user is still signed in with
   * that token: a request sent before a sign-out is refused once the sign-out ended its token (or
   * went without one), and must neither bring that user back nor expire their next sign-in.
   */
  markExpired(userId: string, sentToken: string | null): Promise<void>;
  /**
   * The workstation now syncs with another server: the token the old one
   * issued means nothing there and must never be sent there. It is
   * forgotten, the user and local work stay, and a sign-in at the new
   * server starts sync again.
   */
  serverChanged(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  /**
   * Records what the server says about accounts (the directory in reference
   * data): a disabled account, or one changed since its verifier was made,
   * can no longer sign in offline on this workstation.
   */
  noteCredentials(notices: readonly CredentialsNotice[]): Promise<void>;
}

export interface SessionOptions {
  meta: LocalMeta;
  platform: DataPlatform;
  api: Api;
  /** PBKDF2 iterations of new verifiers (tests lower it). */
  verifierIterations?: number;
  /** Runs after each online sign-in, with the new token in place (registers the workstation); failures are ignored. */
  onOnlineSignIn?: (user: SessionUser) => Promise<unknown>;
}

function parseUser(raw: unknown): SessionUser | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const u = raw as Record<string, unknown>;
  const role = roleSchema.safeParse(u.role);
  if (typeof u.id !== 'string' || typeof u.username !== 'string' || !role.success) return null;
  const user: SessionUser = {
    id: u.id,
    username: u.username,
    displayName: typeof u.displayName === 'string' ? u.displayName : u.username,
    role: role.data,
    // Directors and admins may belong to no branch; they see all of them.
    branchId: typeof u.branchId === 'string' ? u.branchId : '',
    teamId: typeof u.teamId === 'string' ? u.teamId : null,
  };
  if (typeof u.jobNumber === 'string') user.jobNumber = u.jobNumber;
  return user;
}

export function createSession(options: SessionOptions): Session {
  const { meta, platform, api } = options;
  const iterations = options.verifierIterations ?? DEFAULT_ITERATIONS;
  const subject = new BehaviorSubject<SessionSnapshot>({ user: null, status: 'loading', offline: false, language: null });
  let token: string | null = null;
  // Restore, sign-in, sign-out and expiry each read the stored session and then change it: one at a time,
  // or an expiry that read the session before a sign-out would store it again after it.
  let line: Promise<unknown> = Promise.resolve();
  function exclusive<A extends unknown[], T>(job: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
    return (...args) => {
      const run = line.then(() => job(...args));
      line = run.catch(() => undefined);
      return run;
    };
  }

  async function publish(stored: StoredSession | null): Promise<void> {
    if (!stored) {
      subject.next({ user: null, status: 'signed_out', offline: false, language: null });
      return;
    }
    const language = await meta.get<Language>(languageKey(stored.user.id));
    subject.next({
      user: stored.user,
      status: stored.expired ? 'expired' : 'signed_in',
      offline: stored.offline,
      language,
    });
  }

  async function loadToken(userId: string): Promise<void> {
    const owner = await meta.get<string>(TOKEN_OWNER_KEY);
    token = owner === userId ? await platform.getSecret(SECRET_NAMES.syncToken) : null;
  }

  /** The server refused an account or changed it after this verifier was made. */
  async function verifierRevoked(stored: StoredVerifier): Promise<boolean> {
    const notice = (await meta.get<StoredNotices>(NOTICES_KEY))?.[stored.user.id];
    if (!notice) return false;
    if (!notice.active) return true;
    return notice.credentialsVersion !== null && notice.credentialsVersion !== (stored.credentialsVersion ?? null);
  }

  async function signInOffline(username: string, password: string): Promise<SignInResult> {
    const stored = await meta.get<StoredVerifier>(verifierKey(username));
    if (!stored) return { ok: false, error: 'offline_unknown' };
    if (await verifierRevoked(stored)) {
      await meta.remove(verifierKey(username));
      return { ok: false, error: 'offline_unknown' };
    }
    if (!(await checkVerifier(stored.verifier, username, password))) return { ok: false, error: 'invalid' };
    await loadToken(stored.user.id);
    const session: StoredSession = { user: stored.user, offline: true, expired: token === null };
    await meta.set(CURRENT_KEY, session);
    await publish(session);
    return { ok: true, offline: true };
  }

  async function recordNotices(notices: readonly CredentialsNotice[]): Promise<void> {
    const known = (await meta.get<StoredNotices>(NOTICES_KEY)) ?? {};
    let changed = false;
    for (const n of notices) {
      const next = { active: n.active !== false, credentialsVersion: n.credentialsVersion ?? null };
      const prev = known[n.userId];
      if (prev && prev.active === next.active && prev.credentialsVersion === next.credentialsVersion) continue;
      known[n.userId] = next;
      changed = true;
    }
    if (changed) await meta.set(NOTICES_KEY, known);
  }

  return {
    state$: subject.asObservable(),
    current: () => subject.getValue(),
    token: () => token,

    restore: exclusive(async () => {
      const stored = await meta.get<StoredSession>(CURRENT_KEY);
      if (stored) await loadToken(stored.user.id);
      // Without a token (e.g. secrets kept for the tab only) the user still works locally; sync asks to sign in.
      await publish(stored ? { ...stored, expired: stored.expired || token === null } : null);
    }),

    signIn: exclusive(async (username: string, password: string): Promise<SignInResult> => {
      let answer: { token: string; user: unknown; credentialsVersion?: unknown };
      try {
        answer = await api.json('POST', '/api/auth/login', { username, password }, { auth: false });
      } catch (err) {
        if (err instanceof ApiError) {
          if (err.status === 401) {
            // The server refuses a password this workstation's verifier accepts: the password
            // changed or the account was disabled, so the verifier must not let it in offline.
            const stored = await meta.get<StoredVerifier>(verifierKey(username));
            if (stored && (await checkVerifier(stored.verifier, username, password))) await meta.remove(verifierKey(username));
            return { ok: false, error: 'invalid' };
          }
          if (err.status === 429) return { ok: false, error: 'rate_limited' };
          if (err.status >= 500) return signInOffline(username, password);
          return { ok: false, error: 'invalid' };
        }
        if (isUnreachable(err)) {
          return signInOffline(username, password);
        }
        return { ok: false, error: 'network' };
      }
      const user = parseUser(answer?.user);
      if (!user || typeof answer.token !== 'string') return { ok: false, error: 'network' };
      token = answer.token;
      await platform.setSecret(SECRET_NAMES.syncToken, answer.token);
      await meta.set(TOKEN_OWNER_KEY, user.id);
      const credentialsVersion = typeof answer.credentialsVersion === 'string' ? answer.credentialsVersion : undefined;
      await meta.set<StoredVerifier>(verifierKey(username), {
        verifier: await createVerifier(username, password, iterations),
        user,
        ...(credentialsVersion ? { credentialsVersion } : {}),
      });
      await recordNotices([{ userId: user.id, active: true, credentialsVersion }]);
      // The first sign-in on a workstation is always online: the workstation gets its number code here.
      await options.onOnlineSignIn?.(user).catch(() => undefined);
      const session: StoredSession = { user, offline: false };
      await meta.set(CURRENT_KEY, session);
      await publish(session);
      return { ok: true, offline: false };
    }),

    signOut: exclusive(async () => {
      // Best effort and brief: end the token on the server too; offline it simply expires there.
      if (token) {
        const logout = api.json('POST', '/api/auth/logout').catch(() => undefined);
        await Promise.race([logout, new Promise((resolve) => setTimeout(resolve, LOGOUT_WAIT_MS))]);
      }
      token = null;
      await platform.deleteSecret(SECRET_NAMES.syncToken);
      await meta.remove(TOKEN_OWNER_KEY);
      await meta.remove(CURRENT_KEY);
      await publish(null);
    }),

    markExpired: exclusive(async (userId: string, sentToken: string | null) => {
      const stored = await meta.get<StoredSession>(CURRENT_KEY);
      if (!stored || stored.expired || stored.user.id !== userId || sentToken !== token) return;
      token = null;
      const next = { ...stored, expired: true };
      await meta.set(CURRENT_KEY, next);
      await publish(next);
    }),

    serverChanged: exclusive(async () => {
      token = null;
      await platform.deleteSecret(SECRET_NAMES.syncToken);
      await meta.remove(TOKEN_OWNER_KEY);
      const stored = await meta.get<StoredSession>(CURRENT_KEY);
      if (!stored || stored.expired) return;
      const next = { ...stored, expired: true };
      await meta.set(CURRENT_KEY, next);
      await publish(next);
    }),

    async setLanguage(language) {
      const user = subject.getValue().user;
      if (!user) return;
      await meta.set(languageKey(user.id), language);
      subject.next({ ...subject.getValue(), language });
    },

    noteCredentials: recordNotices,
  };
}
