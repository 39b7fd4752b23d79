import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { errorText } from '../../store/errors';
import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { fetchSamples, SAMPLE_DATASET, SAMPLE_FILES } from './samples';

/**
 * On a profile with no datasets: one click makes a "Samples" dataset and adds the bundled
 * documents through the same path as a drop, so a newcomer sees a graph and search working
 * before bringing their own files.
 */
export function TrySamples() {
  const { createDataset, ingest } = useApp(useShallow((s) => ({ createDataset: s.createDataset, ingest: s.ingest })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      // Fetched first: a broken installation must not leave an empty dataset behind.
      const files = await fetchSamples();
      const dataset = await createDataset(SAMPLE_DATASET);
      if (dataset) await ingest(dataset.id, files);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="try-samples" data-testid="try-samples">
      <button type="button" className="btn" disabled={busy} onClick={() => void run()} data-testid="try-samples-button">
        {busy ? 'Adding the samples…' : 'Try it with sample documents'}
      </button>
      <p className="muted small">
        {SAMPLE_FILES.length} public-domain texts: Lincoln’s 1862 message to Congress and the first chapters of Moby-Dick.
      </p>
      <ErrorText message={error} />
    </div>
  );
}
