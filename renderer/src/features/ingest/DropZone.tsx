import { useState } from 'react';

import { useApp } from '../../store/hooks';
import { collectDrop } from './walkEntries';
import './ingest.css';

/**
 * The drop target of a writable dataset. `prominent` makes it the big empty-state panel;
 * otherwise it is a slim strip above the graph. Never rendered for read-only datasets.
 */
export function DropZone({ datasetId, prominent }: Readonly<{ datasetId: string; prominent: boolean }>) {
  const ingest = useApp((s) => s.ingest);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone${prominent ? ' prominent' : ''}${over ? ' over' : ''}`}
      data-testid="drop-zone"
      data-drop-target=""
      onDragOver={(e) => {
        // preventDefault marks the drop as taken; the window-level handler then leaves it alone.
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void collectDrop(e.dataTransfer).then((files) => ingest(datasetId, files));
      }}
    >
      {prominent ? (
        <>
          <strong>Drop documents here to build your first knowledge graph</strong>
          <span className="muted">Files or whole folders: PDF, Word, HTML, Markdown, CSV, text… Or use “Add files” above (Ctrl+O).</span>
        </>
      ) : (
        <span className="muted">Drop files or folders here to add them to this dataset</span>
      )}
    </div>
  );
}
