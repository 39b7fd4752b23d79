import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../store/hooks';

/** Transient messages (errors stay until dismissed). */
export function Notices() {
  const { notices, dismiss } = useApp(useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotice })));
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{n.text}</span>
          <button type="button" className="btn ghost small" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
