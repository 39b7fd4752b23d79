import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** Where Kenning keeps its data, with "Show folder" (desktop) or "Copy path" (browser). */
export function DataFolder() {
  const { dataHome, canReveal, reveal } = useApp(useShallow((s) => ({ dataHome: s.dataHome, canReveal: s.canReveal, reveal: s.revealDataHome })));
  const [done, setDone] = useState<string | null>(null);
  if (!dataHome) return null;
  return (
    <section className="settings-section">
      <h3>Data folder</h3>
      <div className="row">
        <code className="path" data-testid="data-home">
          {dataHome}
        </code>
        <button type="button" className="btn small" onClick={async () => setDone(await reveal())}>
          {canReveal ? 'Show folder' : 'Copy path'}
        </button>
      </div>
      {done && (
        <p className="muted small" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
