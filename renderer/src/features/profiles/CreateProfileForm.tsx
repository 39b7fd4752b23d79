import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';

/** Creates a profile (auth.register) and signs into it. */
export function CreateProfileForm({ onCancel }: Readonly<{ onCancel: () => void }>) {
  const { register, busy, error, clear } = useApp(
    useShallow((s) => ({ register: s.register, busy: s.sessionBusy, error: s.sessionError, clear: s.clearSessionError })),
  );
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const tooShort = password.length > 0 && password.length < 8;
  return (
    <form
      className="stack"
      data-testid="create-profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        void register(email, password);
      }}
    >
      <h2>Create a profile</h2>
      <label className="field">
        <span>Email</span>
        <input className="input" type="email" autoFocus required autoComplete="username" value={email} data-testid="new-email" onChange={(e) => {
            // The last refusal ("already exists") was about the old address; it must not outlive an edit.
            if (error) clear();
            setEmail(e.target.value);
          }} />
      </label>
      <label className="field">
        <span>Password (at least 8 characters)</span>
        <input className="input" type="password" required autoComplete="new-password" value={password} data-testid="new-password" onChange={(e) => {
            if (error) clear();
            setPassword(e.target.value);
          }}
          aria-invalid={tooShort} />
      </label>
      <ErrorText message={error ?? (tooShort ? 'The password needs at least 8 characters.' : null)} />
      <div className="row">
        <button
          type="button"
          className="btn"
          onClick={() => {
            clear();
            onCancel();
          }}
        >
          Cancel
        </button>
        <button type="submit" className="btn primary" disabled={busy || !email || password.length < 8} data-testid="create-profile-submit">
          Create and sign in
        </button>
      </div>
    </form>
  );
}
