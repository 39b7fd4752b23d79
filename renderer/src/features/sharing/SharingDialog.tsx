import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { PERMISSIONS } from '../../../../shared/domain/permissions';
import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';
import { GrantForm } from './GrantForm';
import { groupGrants } from './sharingSlice';
import './sharing.css';

/** Who has access to a dataset and how; grant and revoke each permission. Offered only with `share`. */
export function SharingDialog({ datasetId }: Readonly<{ datasetId: string }>) {
  const s = useApp(
    useShallow((st) => ({
      dataset: st.datasets.find((d) => d.id === datasetId),
      loading: st.sharingLoading,
      error: st.sharingError,
      load: st.loadSharing,
      close: st.closeDialog,
    })),
  );
  useEffect(() => {
    void s.load(datasetId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datasetId]);
  if (!s.dataset) return null;
  return (
    <Modal title={`Share “${s.dataset.name}”`} onClose={s.close} testId="sharing-dialog" wide>
      <GrantsTable />
      {s.loading && <p className="muted">Loading…</p>}
      <ErrorText message={s.error} testId="sharing-error" />
      <GrantForm />
    </Modal>
  );
}

/** One row per principal, one toggle per permission. */
function GrantsTable() {
  const s = useApp(useShallow((st) => ({ me: st.user?.id, grants: st.grants, grant: st.grant, revoke: st.revoke })));
  const rows = groupGrants(s.grants);
  return (
    <table className="grants">
      <caption className="visually-hidden">Who has access</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          {PERMISSIONS.map((p) => (
            <th key={p} scope="col">
              {p}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.principalId} data-testid="grant-row" data-principal={r.label}>
            <th scope="row">
              {r.label} <span className="muted small">{r.principalType}</span>
              {r.principalId === s.me && <span className="muted small"> (you)</span>}
            </th>
            {PERMISSIONS.map((p) => (
              <td key={p}>
                <PermissionToggle
                  label={`${p} for ${r.label}`}
                  checked={r.permissions.has(p)}
                  // Revoking your own share would lock you out of this dialog mid-use.
                  disabled={r.principalId === s.me && p === 'share'}
                  onChange={(on) => void (on ? s.grant(r.principalId, [p]) : s.revoke(r.principalId, [p]))}
                  testId={`toggle-${p}-${r.label}`}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PermissionToggle(props: Readonly<{ label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void; testId: string }>) {
  return <input type="checkbox" aria-label={props.label} checked={props.checked} disabled={props.disabled} data-testid={props.testId} onChange={(e) => props.onChange(e.target.checked)} />;
}
