import { useEffect, useRef } from 'react';

import { useApp } from '../../store/hooks';
import { fromInput } from './walkEntries';

/** Window event the Ctrl/Cmd+O shortcut sends to the visible picker. */
export const PICK_FILES_EVENT = 'kenning:pick-files';

/** "Add files" and "Add folder" buttons for people who do not drag; same path as a drop. */
export function FilePickers({ datasetId }: Readonly<{ datasetId: string }>) {
  const ingest = useApp((s) => s.ingest);
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const open = () => files.current?.click();
    window.addEventListener(PICK_FILES_EVENT, open);
    return () => window.removeEventListener(PICK_FILES_EVENT, open);
  }, []);

  const take = (input: HTMLInputElement) => {
    const picked = fromInput(input.files);
    input.value = ''; // picking the same file again must fire change again
    void ingest(datasetId, picked);
  };

  return (
    <>
      <button type="button" className="btn primary" data-testid="add-files" title="Add files (Ctrl+O)" onClick={() => files.current?.click()}>
        Add files…
      </button>
      <button type="button" className="btn" data-testid="add-folder" onClick={() => folder.current?.click()}>
        Add folder…
      </button>
      <input ref={files} type="file" multiple hidden data-testid="file-input" onChange={(e) => take(e.currentTarget)} />
      {/* webkitdirectory is not in React's types; set as a plain attribute. */}
      <input ref={folder} type="file" multiple hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={(e) => take(e.currentTarget)} />
    </>
  );
}
