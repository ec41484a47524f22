import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInError, SignInResult } from '../data/types/session';
import { useAccessibleName } from '../i18n/use-accessible-name';

interface Props {
  initialUsername?: string;
  signIn(username: string, password: string): Promise<SignInResult>;
  onDone?(): void;
}

/** Username and password, with an error that says what to do next. */
export function SignInForm({ initialUsername = '', signIn, onDone }: Props) {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SignInError | 'missing' | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('missing');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(username.trim(), password);
      if (result.ok) {
        setPassword('');
        onDone?.();
      } else {
        setError(result.error);
      }
    } catch {
      setError('network');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="signin-form" onSubmit={submit} noValidate>
      <label>
        {t('signIn.username')}
        <input
          aria-label={an.of('username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus={!initialUsername}
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          aria-label={an.of('password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus={!!initialUsername}
        />
      </label>
      {error && (
        <div className="notice error" role="alert">
          {t(`signIn.errors.${error}`)}
        </div>
      )}
      <button type="submit" className="btn primary" aria-label={an.of('signIn')} disabled={busy}>
        {busy ? t('signIn.working') : t('signIn.submit')}
      </button>
    </form>
  );
}
