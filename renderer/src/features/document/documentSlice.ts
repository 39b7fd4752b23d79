import { errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';

/** A document opened at a passage: the extracted text and the character range to show. */
export type OpenDocument = Readonly<{
  datasetId: string;
  dataId: string;
  name: string;
  text: string | null;
  start: number;
  end: number;
  /** The entity the passage was opened for: its mentions inside the passage are marked. */
  mention?: string;
  error: string | null;
}>;

export interface DocumentSlice {
  doc: OpenDocument | null;
  /** Opens the document view and scrolls to [start, end) once the text (data.text) arrives. */
  openDocument(datasetId: string, dataId: string, range: { start: number; end: number; name?: string; mention?: string }): Promise<void>;
  closeDocument(): void;
}

export const documentInitial = { doc: null as OpenDocument | null };

export const createDocumentSlice: SliceCreator<DocumentSlice> = (client) => (set, get) => ({
  ...documentInitial,
  openDocument: async (datasetId, dataId, range) => {
    set({ doc: { datasetId, dataId, name: range.name ?? 'Document', text: null, start: range.start, end: range.end, mention: range.mention, error: null } });
    const stillOpen = () => get().doc?.dataId === dataId && get().doc?.start === range.start;
    try {
      const r = await client.call('data.text', { datasetId, dataId });
      if (stillOpen()) set({ doc: { ...get().doc!, name: r.name, text: r.text } });
    } catch (e) {
      if (stillOpen()) set({ doc: { ...get().doc!, error: errorText(e) } });
    }
  },
  closeDocument: () => set({ doc: null }),
});
