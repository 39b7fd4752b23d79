import type { SliceCreator } from './types';

/** Which modal dialog is open; at most one at a time so focus order stays simple. */
export type Dialog =
  | { kind: 'createDataset' }
  | { kind: 'renameDataset'; datasetId: string }
  | { kind: 'deleteDataset'; datasetId: string }
  | { kind: 'share'; datasetId: string }
  | { kind: 'chooseDataset' }
  | { kind: 'tenant' }
  | { kind: 'settings' }
  | { kind: 'help' }
  | { kind: 'changePassword' };

export type Notice = Readonly<{ id: number; text: string; tone: 'info' | 'error' }>;

/** The main area shows the selected dataset's graph or the search page. */
export type MainView = 'graph' | 'search';

export interface UiSlice {
  view: MainView;
  dialog: Dialog | null;
  notices: readonly Notice[];
  /** Bumped by Ctrl/Cmd+K so the search box can take focus even when already visible. */
  searchFocusTick: number;
  setView(view: MainView): void;
  openDialog(d: Dialog): void;
  closeDialog(): void;
  /** Shows a dismissable message; errors stay until dismissed, info fades after a while. */
  notify(text: string, tone?: Notice['tone']): void;
  dismissNotice(id: number): void;
  focusSearch(): void;
}

let nextNotice = 1;

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  view: 'graph',
  dialog: null,
  notices: [],
  searchFocusTick: 0,
  setView: (view) => set({ view }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  notify: (text, tone = 'info') => {
    const id = nextNotice++;
    set({ notices: [...get().notices.slice(-4), { id, text, tone }] });
    if (tone === 'info') setTimeout(() => get().dismissNotice(id), 6000);
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  focusSearch: () => set({ view: 'search', searchFocusTick: get().searchFocusTick + 1 }),
});
