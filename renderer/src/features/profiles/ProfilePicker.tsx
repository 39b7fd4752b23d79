import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { CreateProfileForm } from './CreateProfileForm';
import { SignInForm } from './SignInForm';
import './profiles.css';

/**
 * The start screen: pick a profile and sign in, or create one. Where the host does not list
 * the profiles (auth.status gives `profiles: null`), it asks for an email instead.
 */
export function ProfilePicker() {
  const { status, error } = useApp(useShallow((s) => ({ status: s.authStatus, error: s.sessionError })));
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const listed = status?.profiles ?? null;
  const profiles = listed ?? [];

  return (
    <main className="picker" data-testid="profile-picker">
      <div className="picker-card">
        <h1 className="brand">Kenning</h1>
        <p className="muted">Your documents, turned into a knowledge graph on this machine.</p>
        {creating ? (
          <CreateProfileForm onCancel={() => setCreating(false)} />
        ) : chosen ? (
          <SignInForm email={chosen} passwordHint={profiles.find((p) => p.email === chosen)?.passwordHint ?? null} onBack={() => setChosen(null)} />
        ) : status && listed === null ? (
          <>
            <SignInForm email={null} />
            <button type="button" className="btn" data-testid="create-profile" onClick={() => setCreating(true)}>
              Create a profile
            </button>
          </>
        ) : (
          <>
            <h2 id="pick-title">Who is using Kenning?</h2>
            <ul className="profile-list" aria-labelledby="pick-title">
              {profiles.map((p) => (
                <li key={p.id}>
                  <button type="button" className="profile-btn" data-testid={`profile-${p.email}`} onClick={() => setChosen(p.email)}>
                    <span className="avatar" aria-hidden="true">
                      {p.email.slice(0, 1).toUpperCase()}
                    </span>
                    <span>{p.email}</span>
                    {p.isDefault && <span className="muted"> (default)</span>}
                  </button>
                </li>
              ))}
            </ul>
            {profiles.length === 0 && <p className="muted">No profiles yet.</p>}
            <ErrorText message={error} />
            <button type="button" className="btn" data-testid="create-profile" onClick={() => setCreating(true)}>
              Create a profile
            </button>
          </>
        )}
      </div>
    </main>
  );
}
