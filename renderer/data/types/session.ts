/** The UI languages are defined with the language picker; re-exported for the session's settings. */
export type { Language } from '../../i18n/pick-language';
export type { SessionUser } from '../../../shared/protocol/auth';

export type SessionStatus = 'loading' | 'signed_out' | 'signed_in' | 'expired';

export type SignInError = 'invalid' | 'offline_unknown' | 'rate_limited' | 'network';
export type SignInResult = { ok: true; offline: boolean } | { ok: false; error: SignInError };
