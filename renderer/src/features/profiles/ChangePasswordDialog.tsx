import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';

/** auth.changePassword; other sessions of the profile end. */
export function ChangePasswordDialog() {
  const { change, close, busy, error } = useApp(
    useShallow((s) => ({ change: s.changePassword, close: s.closeDialog, busy: s.sessionBusy, error: s.sessionError })),
  );
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && next !== again;
  return (
    <Modal
      title="Change password"
      onClose={close}
      testId="change-password-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="change-password" className="btn primary" disabled={busy || next.length < 8 || next !== again}>
            Change password
          </button>
        </>
      }
    >
      <form
        id="change-password"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await change(current, next)) close();
        }}
      >
        <label className="field">
          <span>Current password</span>
          <input className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field">
          <span>New password (at least 8 characters)</span>
          <input className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label className="field">
          <span>New password again</span>
          <input className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
        </label>
        <ErrorText message={error ?? (mismatch ? 'The new passwords differ.' : null)} />
        <p className="muted">Other windows signed in as this profile will be signed out.</p>
      </form>
    </Modal>
  );
}
