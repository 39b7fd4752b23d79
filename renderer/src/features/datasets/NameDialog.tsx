import { useState } from 'react';

import { Modal } from '../../ui/Modal';

type Props = Readonly<{
  title: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<boolean | unknown>;
  onClose: () => void;
  testId: string;
}>;

/** A one-field dialog for naming things (new dataset, rename). */
export function NameDialog({ title, initial = '', submitLabel, onSubmit, onClose, testId }: Props) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId={testId}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${testId}-form`} className="btn primary" disabled={busy || !trimmed} data-testid={`${testId}-submit`}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={`${testId}-form`}
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const ok = await onSubmit(trimmed);
          setBusy(false);
          if (ok) onClose();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input className="input" autoFocus maxLength={200} value={name} data-testid={`${testId}-name`} onChange={(e) => setName(e.target.value)} />
        </label>
      </form>
    </Modal>
  );
}
