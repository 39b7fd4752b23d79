import { errorCode, errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { Dataset } from '../../store/views';

export interface DatasetsSlice {
  datasets: readonly Dataset[];
  datasetsLoaded: boolean;
  datasetsError: string | null;
  selectedDatasetId: string | null;
  /** Re-lists readable datasets; a selected dataset that vanished (deleted, revoked) is let go gracefully. */
  refreshDatasets(): Promise<void>;
  selectDataset(id: string | null): void;
  /** Creates and selects a dataset; returns it, or null after showing the error. */
  createDataset(name: string): Promise<Dataset | null>;
  renameDataset(id: string, name: string): Promise<boolean>;
  deleteDataset(id: string): Promise<boolean>;
  /** Rebuilds the dataset's graph and index with the embedder in Settings, in the background. */
  rebuildIndex(id: string): Promise<boolean>;
}

export const datasetsInitial = {
  datasets: [] as readonly Dataset[],
  datasetsLoaded: false,
  datasetsError: null as string | null,
  selectedDatasetId: null as string | null,
};

export const createDatasetsSlice: SliceCreator<DatasetsSlice> = (client) => (set, get) => {
  const ctx: SliceContext = { client, set, get };
  return {
    ...datasetsInitial,
    refreshDatasets: () => refreshDatasets(ctx),
    selectDataset: (id) => {
      if (get().selectedDatasetId === id) return;
      set({ selectedDatasetId: id });
      get().resetGraph();
      if (id) void get().loadGraph(id);
      if (id) void get().loadDocuments(id);
    },
    ...editActions(ctx),
  };
};

async function refreshDatasets({ client, set, get }: SliceContext): Promise<void> {
  const userAtStart = get().user?.id;
  try {
    const datasets = await client.call('datasets.list', {});
    if (get().user?.id !== userAtStart) return; // profile switched meanwhile: stale answer
    const { selectedDatasetId, datasets: before } = get();
    set({ datasets, datasetsLoaded: true, datasetsError: null });
    if (selectedDatasetId && !datasets.some((d) => d.id === selectedDatasetId)) {
      const gone = before.find((d) => d.id === selectedDatasetId);
      get().selectDataset(null);
      if (gone && !gone.isOwner) get().notify(`“${gone.name}” is no longer shared with you.`);
    }
    // Keep the open document only while its dataset is still readable.
    const doc = get().doc;
    if (doc && !datasets.some((d) => d.id === doc.datasetId)) get().closeDocument();
    if (!get().selectedDatasetId && datasets.length > 0 && get().view === 'graph') {
      get().selectDataset((datasets.find((d) => d.isOwner) ?? datasets[0])!.id);
    }
    // Every re-list follows a change (data added or deleted, a run started or ended): the open
    // documents list follows it too, and runs this window does not track yet get their rows.
    const docsOf = get().docsDatasetId;
    if (docsOf && docsOf === get().selectedDatasetId) void get().loadDocuments(docsOf);
    void get().adoptRunningIngest(datasets);
  } catch (e) {
    // The session ended elsewhere (password changed, expired): back to the picker, with the reason.
    if (errorCode(e) === 'unauthenticated') {
      await get().signOut();
      set({ sessionError: errorText(e) });
      return;
    }
    set({ datasetsError: errorText(e), datasetsLoaded: true });
  }
}

/** Create, rename, rebuild and delete: each shows its error as a notice and reports failure. */
function editActions({ client, set, get }: SliceContext): Pick<DatasetsSlice, 'createDataset' | 'renameDataset' | 'rebuildIndex' | 'deleteDataset'> {
  const orNotify = async <T>(action: () => Promise<T>, failed: T): Promise<T> => {
    try {
      return await action();
    } catch (e) {
      get().notify(errorText(e), 'error');
      return failed;
    }
  };
  return {
    createDataset: (name) =>
      orNotify(async () => {
        const d = await client.call('datasets.create', { name });
        set({ datasets: [...get().datasets.filter((x) => x.id !== d.id), d] });
        get().setView('graph');
        get().selectDataset(d.id);
        return d;
      }, null),
    renameDataset: (id, name) =>
      orNotify(async () => {
        const d = await client.call('datasets.rename', { datasetId: id, name });
        set({ datasets: get().datasets.map((x) => (x.id === id ? d : x)) });
        return true;
      }, false),
    rebuildIndex: (id) =>
      orNotify(async () => {
        await client.call('datasets.reembed', { datasetId: id });
        get().notify('Rebuilding the index in the background; progress shows in the dataset’s status.', 'info');
        await get().refreshDatasets();
        return true;
      }, false),
    deleteDataset: (id) =>
      orNotify(async () => {
        await client.call('datasets.delete', { datasetId: id });
        if (get().selectedDatasetId === id) get().selectDataset(null);
        set({ datasets: get().datasets.filter((x) => x.id !== id) });
        await get().refreshDatasets();
        return true;
      }, false),
  };
}

/** Owned datasets first, then shared ones, each sorted by name. */
export function splitDatasets(list: readonly Dataset[]): { mine: Dataset[]; shared: Dataset[] } {
  const byName = (a: Dataset, b: Dataset) => a.name.localeCompare(b.name);
  return { mine: list.filter((d) => d.isOwner).sort(byName), shared: list.filter((d) => !d.isOwner).sort(byName) };
}
