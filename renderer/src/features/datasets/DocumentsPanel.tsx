import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { DataItem, Dataset } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { formatBytes, plural } from '../../ui/format';
import { DeleteConfirm } from './DeleteConfirm';
import type { DocStatus } from './documentStatus';
import { countStates, documentStatus } from './documentStatus';
import './documents.css';

const NO_DELETE = 'You need delete permission on this dataset to delete documents';

/**
 * A dataset's documents: name, type, size, when added, status (with the error of a failed one);
 * delete one or many, retry failed, remove failed, resume after a cancel. Follows runs live.
 */
export function DocumentsPanel({ dataset }: Readonly<{ dataset: Dataset }>) {
  const { docs, forId, loaded, error, live, deleting, load, remove, resume } = useApp(
    useShallow((s) => ({
      docs: s.docs,
      forId: s.docsDatasetId,
      loaded: s.docsLoaded,
      error: s.docsError,
      live: s.docsLive,
      deleting: s.docsDeleting,
      load: s.loadDocuments,
      remove: s.deleteDocuments,
      resume: s.resumeIngest,
    })),
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<readonly DataItem[] | null>(null);
  const mine = forId === dataset.id;

  useEffect(() => {
    if (!mine) void load(dataset.id);
  }, [mine, load, dataset.id]);
  // A selection never outlives its documents (deleted here or elsewhere).
  useEffect(() => setSelected((s) => new Set([...s].filter((id) => docs.some((d) => d.id === id)))), [docs]);

  const rows = useMemo(() => (mine ? docs.map((d) => ({ doc: d, status: documentStatus(d, live[d.id], dataset.status) })) : []), [mine, docs, live, dataset.status]);
  const counts = countStates(rows.map((r) => r.status));
  const failed = rows.filter((r) => r.status.state === 'failed').map((r) => r.doc);
  const canDelete = dataset.permissions.delete;
  const canWrite = dataset.permissions.write;
  const running = dataset.status === 'processing';
  const left = counts.cancelled + counts.interrupted;
  const picked = docs.filter((d) => selected.has(d.id));

  return (
    <section className="documents" aria-label="Documents" data-testid="documents-panel">
      <div className="documents-bar">
        <p className="documents-summary" data-testid="documents-summary">
          {summary(rows.length, counts)}
        </p>
        <div className="row">
          {canWrite && left > 0 && !running && (
            <button type="button" className="btn primary small" data-testid="documents-resume" onClick={() => void resume(dataset.id)}>
              Resume ({left})
            </button>
          )}
          {canWrite && failed.length > 0 && (
            <button type="button" className="btn small" data-testid="retry-failed" disabled={running} title={running ? 'Wait for the current run to end' : 'Process the failed documents again'} onClick={() => void resume(dataset.id)}>
              Retry failed ({failed.length})
            </button>
          )}
          {failed.length > 0 && (
            <button type="button" className="btn small danger" data-testid="remove-failed" disabled={!canDelete} title={canDelete ? 'Delete every document that failed' : NO_DELETE} onClick={() => setConfirm(failed)}>
              Remove failed ({failed.length})
            </button>
          )}
          <button type="button" className="btn small danger" data-testid="delete-selected" disabled={!canDelete || picked.length === 0} title={canDelete ? 'Delete the selected documents' : NO_DELETE} onClick={() => setConfirm(picked)}>
            Delete selected{picked.length > 0 ? ` (${picked.length})` : ''}
          </button>
        </div>
      </div>
      {!canDelete && <p className="muted small">{NO_DELETE}.</p>}
      {confirm && (
        <DeleteConfirm
          docs={confirm}
          onCancel={() => setConfirm(null)}
          onConfirm={async () => {
            const ids = confirm.map((d) => d.id);
            setConfirm(null);
            await remove(dataset.id, ids);
          }}
        />
      )}
      <ErrorText message={error} />
      {mine && loaded && rows.length === 0 && <p className="muted documents-empty">No documents yet. Add files or drop them here.</p>}
      {rows.length > 0 && (
        <div className="documents-scroll">
          <table className="documents-table">
            <thead>
              <tr>
                <th scope="col" className="check">
                  <input
                    type="checkbox"
                    aria-label="Select all documents"
                    data-testid="select-all-documents"
                    checked={picked.length === docs.length && docs.length > 0}
                    onChange={(e) => setSelected(new Set(e.currentTarget.checked ? docs.map((d) => d.id) : []))}
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Added</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ doc, status }) => (
                <DocumentRow
                  key={doc.id}
                  doc={doc}
                  status={status}
                  checked={selected.has(doc.id)}
                  busy={deleting.includes(doc.id)}
                  canDelete={canDelete}
                  canRetry={canWrite && !running}
                  onCheck={(on) => setSelected((s) => toggle(s, doc.id, on))}
                  onDelete={() => setConfirm([doc])}
                  onRetry={() => void resume(dataset.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type RowProps = Readonly<{
  doc: DataItem;
  status: DocStatus;
  checked: boolean;
  busy: boolean;
  canDelete: boolean;
  canRetry: boolean;
  onCheck: (on: boolean) => void;
  onDelete: () => void;
  onRetry: () => void;
}>;

function DocumentRow({ doc, status, checked, busy, canDelete, canRetry, onCheck, onDelete, onRetry }: RowProps) {
  return (
    <tr data-testid="document-row" data-name={doc.name} data-state={busy ? 'deleting' : status.state}>
      <td className="check">
        <input type="checkbox" aria-label={`Select ${doc.name}`} checked={checked} onChange={(e) => onCheck(e.currentTarget.checked)} />
      </td>
      <td className="doc-name" title={doc.name}>
        {doc.name}
      </td>
      <td className="muted">{doc.extension.toUpperCase()}</td>
      <td className="num muted">{formatBytes(doc.size)}</td>
      <td className="muted" title={doc.createdAt}>
        {formatDate(doc.createdAt)}
      </td>
      <td>
        <span className={`doc-state ${status.state}`} data-testid="document-status">
          {busy ? 'Deleting…' : status.words}
        </span>
        {status.error && (
          <span className="small error-inline doc-error" data-testid="document-error">
            {status.error}
          </span>
        )}
      </td>
      <td className="doc-actions">
        {status.state === 'failed' && canRetry && (
          <button type="button" className="btn small ghost" aria-label={`Retry ${doc.name}`} title="Process it again (with anything else not processed yet)" onClick={onRetry}>
            Retry
          </button>
        )}
        <button
          type="button"
          className="btn small ghost danger"
          aria-label={`Delete ${doc.name}`}
          data-testid="delete-document"
          disabled={!canDelete || busy}
          title={canDelete ? 'Delete it, with what only it says, from search and the graph' : NO_DELETE}
          onClick={onDelete}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

/** "13 documents: 3 processed · 10 cancelled" — the states that apply, in a fixed order. */
function summary(total: number, c: ReturnType<typeof countStates>): string {
  const parts = [
    c.processed > 0 && `${c.processed} processed`,
    c.processing > 0 && `${c.processing} processing`,
    c.waiting > 0 && `${c.waiting} waiting`,
    c.cancelled > 0 && `${c.cancelled} cancelled`,
    c.interrupted > 0 && `${c.interrupted} interrupted`,
    c.failed > 0 && `${c.failed} failed`,
  ].filter(Boolean);
  return `${plural(total, 'document')}${parts.length > 0 ? `: ${parts.join(' · ')}` : ''}`;
}

function toggle(s: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(s);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
