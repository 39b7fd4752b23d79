import type { PickedFile } from '../ingest/walkEntries';

/**
 * Public-domain documents shipped with the renderer (renderer/public/samples, see SOURCES.txt
 * there): two subjects a newcomer recognises, small enough (~100 kB) to become a graph and a
 * searchable index in well under a minute.
 */
export const SAMPLE_FILES: readonly string[] = [
  'lincoln-1862-annual-message.txt',
  'moby-dick-chapter-1.txt',
  'moby-dick-chapter-2.txt',
  'moby-dick-chapter-3.txt',
];

export const SAMPLE_DATASET = 'Samples';

/** Reads the bundled samples as files, exactly as if they had been dropped on the window. */
export async function fetchSamples(base: string = './samples/'): Promise<PickedFile[]> {
  return Promise.all(
    SAMPLE_FILES.map(async (name) => {
      const res = await fetch(`${base}${name}`);
      if (!res.ok) throw new Error(`The sample document ${name} is missing from this installation (HTTP ${res.status})`);
      const file = new File([await res.blob()], name, { type: 'text/plain' });
      return { file, path: name };
    }),
  );
}
