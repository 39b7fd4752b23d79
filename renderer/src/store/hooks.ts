/** React access to the one store, installed at start-up (main.tsx) or by a test. */
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand';

import type { AppStore } from './types';

let installed: StoreApi<AppStore> | null = null;

/** Makes `store` the one the hooks read. Called once before the first render. */
export function installStore(store: StoreApi<AppStore>): void {
  installed = store;
}

/** The installed store's API, for event handlers that need `getState()` outside React. */
export function appStore(): StoreApi<AppStore> {
  if (!installed) throw new Error('installStore() was not called');
  return installed;
}

/** Reads a narrow slice of the store; pass `useShallow(...)` for multi-field picks. */
export function useApp<T>(selector: (s: AppStore) => T): T {
  return useStore(appStore(), selector);
}
