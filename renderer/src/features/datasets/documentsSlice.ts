import { errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { DataItem, Progress } from '../../store/views';

/** What the main area shows for the selected dataset. */
export type DatasetTab = 'graph' | 'documents';

export interface DocumentsSlice {
  datasetTab: DatasetTab;
  /** The data items of `docsDatasetId` as the core last listed them. */
  docs: readonly DataItem[];
  docsDatasetId: string | null;
  docsLoaded: boolean;
  docsError: string | null;
  /** Stages seen in run.progress since the last listing, by data id: the live part of the panel. */
  docsLive: Readonly<Record<string, Progress['stage']>>;
  /** Data ids being deleted now (their rows show it and their buttons are off). */
  docsDeleting: readonly string[];
  setDatasetTab(tab: DatasetTab): void;
  /** Lists the dataset's documents (datasets.data); a newer call wins over an older one. */
  loadDocuments(datasetId: string): Promise<void>;
  /** Deletes documents one by one (data.delete); returns how many were deleted. */
  deleteDocuments(datasetId: string, dataIds: readonly string[]): Promise<number>;
  onDocumentProgress(p: Progress): void;
}

export const documentsInitial = {
  datasetTab: 'graph' as DatasetTab,
  docs: [] as readonly DataItem[],
  docsDatasetId: null as string | null,
  docsLoaded: false,
  docsError: null as string | null,
  docsLive: {} as Readonly<Record<string, Progress['stage']>>,
  docsDeleting: [] as readonly string[],
};

let loadSeq = 0;

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (client) => (set, get) => {
  const ctx: SliceContext = { client, set, get };
  return {
    ...documentsInitial,
    setDatasetTab: (datasetTab) => set({ datasetTab }),
    loadDocuments: (datasetId) => loadDocuments(ctx, datasetId),
    deleteDocuments: async (datasetId, dataIds) => {
      set({ docsDeleting: [...get().docsDeleting, ...dataIds] });
      let deleted = 0;
      try {
        for (const dataId of dataIds) {
          try {
            await client.call('data.delete', { datasetId, dataId });
            deleted++;
          } catch (e) {
            const name = get().docs.find((d) => d.id === dataId)?.name ?? 'A document';
            get().notify(`${name} could not be deleted: ${errorText(e)}`, 'error');
          }
        }
      } finally {
        set({ docsDeleting: get().docsDeleting.filter((id) => !dataIds.includes(id)) });
      }
      // The ingest list must not keep showing a deleted file (a failed one would keep its error).
      get().forgetIngestItems(dataIds);
      await loadDocuments(ctx, datasetId);
      void get().refreshDatasets();
      if (deleted > 0 && get().selectedDatasetId === datasetId) void get().loadGraph(datasetId);
      return deleted;
    },
    onDocumentProgress: (p) => {
      if (p.datasetId !== get().docsDatasetId || p.dataId === null) return;
      set({ docsLive: { ...get().docsLive, [p.dataId]: p.stage } });
    },
  };
};

async function loadDocuments({ client, set, get }: SliceContext, datasetId: string): Promise<void> {
  const seq = ++loadSeq;
  if (get().docsDatasetId !== datasetId) set({ docsDatasetId: datasetId, docs: [], docsLoaded: false, docsError: null, docsLive: {} });
  try {
    const docs = await client.call('datasets.data', { datasetId });
    if (seq !== loadSeq) return; // a newer listing (or another dataset) is on its way
    // A fresh listing carries the stored outcome; live stages stay only for items a run holds now
    // (a cancel puts them back to pending, and then their last live stage would be a lie).
    const live = Object.fromEntries(Object.entries(get().docsLive).filter(([id]) => docs.some((d) => d.id === id && d.status === 'processing')));
    set({ docs, docsLoaded: true, docsError: null, docsLive: live });
  } catch (e) {
    if (seq !== loadSeq) return;
    set({ docsLoaded: true, docsError: errorText(e) });
  }
}
