import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';

/** Password prompt for a chosen profile. */
export function SignInForm({ email, onBack }: Readonly<{ email: string; onBack: () => void }>) {
  const { signIn, busy, error, clear } = useApp(
    useShallow((s) => ({ signIn: s.signIn, busy: s.sessionBusy, error: s.sessionError, clear: s.clearSessionError })),
  );
  const [password, setPassword] = useState('');
  return (
    <form
      className="stack"
      data-testid="sign-in-form"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn(email, password);
      }}
    >
      <h2>Sign in as {email}</h2>
      <label className="field">
        <span>Password</span>
        <input className="input" type="password" autoFocus autoComplete="current-password" value={password} data-testid="password" onChange={(e) => setPassword(e.target.value)} />
      </label>
      <ErrorText message={error} />
      <div className="row">
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
        <button type="submit" className="btn primary" disabled={busy || !password} data-testid="sign-in">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
