import { useState } from 'react';

import type { DataItem } from '../../store/views';
import { plural } from '../../ui/format';

/**
 * Asks before documents are deleted, inline above the list (no modal: the list stays in view,
 * so the person sees which rows they picked), and says what goes with them.
 */
export function DeleteConfirm({ docs, onConfirm, onCancel }: Readonly<{ docs: readonly DataItem[]; onConfirm: () => Promise<void>; onCancel: () => void }>) {
  const [busy, setBusy] = useState(false);
  const what = docs.length === 1 ? `“${docs[0]!.name}”` : plural(docs.length, 'document');
  return (
    <div className="documents-confirm" role="alertdialog" aria-label={`Delete ${what}?`} data-testid="documents-confirm">
      <p>
        Delete <strong>{what}</strong>? Its passages leave search, and the entities and relations only it mentions leave the graph. This cannot be
        undone.
      </p>
      <div className="row">
        <button type="button" className="btn small" autoFocus onClick={onCancel}>
          Keep
        </button>
        <button
          type="button"
          className="btn small danger primary"
          data-testid="documents-confirm-delete"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onConfirm();
          }}
        >
          Delete
        </button>
      </div>
    </div>
  );
}
