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
  /** The sentence of the passage that answers the search (offsets in the item's text): set apart and scrolled to. */
  answer?: Readonly<{ start: number; end: number }>;
  error: string | null;
}>;

export interface DocumentSlice {
  doc: OpenDocument | null;
  /** Opens the document view and scrolls to [start, end) once the text (data.text) arrives. */
  openDocument(datasetId: string, dataId: string, range: { start: number; end: number; name?: string; mention?: string; answer?: { start: number; end: number } }): Promise<void>;
  closeDocument(): void;
}

export const documentInitial = { doc: null as OpenDocument | null };

export const createDocumentSlice: SliceCreator<DocumentSlice> = (client) => (set, get) => ({
  ...documentInitial,
  openDocument: async (datasetId, dataId, range) => {
    set({
      doc: {
        datasetId,
        dataId,
        name: range.name ?? 'Document',
        text: null,
        start: range.start,
        end: range.end,
        mention: range.mention,
        ...(range.answer ? { answer: range.answer } : {}),
        error: null,
      },
    });
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
