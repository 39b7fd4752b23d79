import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';

/**
 * Password prompt for a chosen profile, or, where the host does not list profiles
 * (`email` null), an email and password form.
 */
export function SignInForm({ email, passwordHint = null, onBack }: Readonly<{ email: string | null; passwordHint?: string | null; onBack?: () => void }>) {
  const { signIn, busy, error, clear } = useApp(
    useShallow((s) => ({ signIn: s.signIn, busy: s.sessionBusy, error: s.sessionError, clear: s.clearSessionError })),
  );
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const who = email ?? typed.trim();
  return (
    <form
      className="stack"
      data-testid="sign-in-form"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn(who, password);
      }}
    >
      {email !== null ? (
        <h2>Sign in as {email}</h2>
      ) : (
        <>
          <h2>Sign in</h2>
          <label className="field">
            <span>Email</span>
            <input className="input" type="email" autoFocus required autoComplete="username" value={typed} data-testid="sign-in-email" onChange={(e) => setTyped(e.target.value)} />
          </label>
        </>
      )}
      <label className="field">
        <span>Password</span>
        <input className="input" type="password" autoFocus={email !== null} autoComplete="current-password" value={password} data-testid="password" onChange={(e) => setPassword(e.target.value)} />
      </label>
      {passwordHint && (
        <p className="muted" data-testid="password-hint">
          This profile still has the password it came with: <code>{passwordHint}</code>. Change it once you are in.
        </p>
      )}
      {/* On a chosen profile no email was typed: "wrong email or password" would blame the wrong field. */}
      <ErrorText message={email !== null && error ? error.replace(/^Wrong email or password$/, 'Wrong password for this profile') : error} />
      <div className="row">
        {onBack && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              clear();
              onBack();
            }}
          >
            Back
          </button>
        )}
        <button type="submit" className="btn primary" disabled={busy || !password || !who} data-testid="sign-in">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
