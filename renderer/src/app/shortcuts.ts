/**
 * Keyboard shortcuts, one declarative entry per action (the help popover lists the same table).
 * `mod` is Ctrl on Windows/Linux and Cmd on macOS.
 */
import type { StoreApi } from 'zustand';

import { PICK_FILES_EVENT } from '../features/ingest/FilePickers';
import type { AppStore } from '../store/types';

export type Shortcut = Readonly<{
  keys: string;
  label: string;
  test: (e: KeyboardEvent) => boolean;
  run: (store: StoreApi<AppStore>) => void;
}>;

const mod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl/⌘ K', label: 'Search', test: (e) => mod(e) && e.key.toLowerCase() === 'k', run: (s) => s.getState().focusSearch() },
  {
    keys: 'Ctrl/⌘ O',
    label: 'Add files to the open dataset',
    test: (e) => mod(e) && e.key.toLowerCase() === 'o',
    run: (s) => {
      const st = s.getState();
      const d = st.datasets.find((x) => x.id === st.selectedDatasetId);
      if (!d?.permissions.write) return st.notify('Open a dataset you can add to first.');
      st.setView('graph');
      // The picker lives in the dataset header; it listens for this event.
      window.dispatchEvent(new Event(PICK_FILES_EVENT));
    },
  },
  { keys: 'Ctrl/⌘ N', label: 'New dataset', test: (e) => mod(e) && e.key.toLowerCase() === 'n', run: (s) => s.getState().openDialog({ kind: 'createDataset' }) },
  { keys: 'Ctrl/⌘ ,', label: 'Settings', test: (e) => mod(e) && e.key === ',', run: (s) => s.getState().openDialog({ kind: 'settings' }) },
  { keys: 'Ctrl/⌘ G', label: 'Show the graph', test: (e) => mod(e) && e.key.toLowerCase() === 'g', run: (s) => s.getState().setView('graph') },
  { keys: '?', label: 'This help', test: (e) => e.key === '?' && !isTyping(e), run: (s) => s.getState().openDialog({ kind: 'help' }) },
];

/** Graph canvas keys, documented alongside (handled by the canvas itself). */
export const GRAPH_KEYS: readonly { keys: string; label: string }[] = [
  { keys: '+ / −', label: 'Zoom the graph' },
  { keys: '← ↑ → ↓', label: 'Pan the graph' },
  { keys: '0', label: 'Fit the whole graph' },
  { keys: 'Esc', label: 'Close a dialog' },
];

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}

/** Installs the global key handler; returns its remover. */
export function installShortcuts(store: StoreApi<AppStore>): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (store.getState().phase !== 'ready') return;
    const hit = SHORTCUTS.find((s) => s.test(e));
    if (!hit) return;
    e.preventDefault();
    hit.run(store);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
