import { errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { SettingsValue } from '../../store/views';

export interface SettingsSlice {
  settings: SettingsValue | null;
  dataHome: string | null;
  settingsError: string | null;
  loadSettings(): Promise<void>;
  saveSettings(s: SettingsValue): Promise<boolean>;
  /** True when the shell can open a folder (desktop); the browser copies the path instead. */
  canReveal: boolean;
  /** Opens the data folder, or copies its path; resolves with what happened, in words. */
  revealDataHome(): Promise<string>;
}

export const settingsInitial = { settings: null as SettingsValue | null, dataHome: null as string | null, settingsError: null as string | null };

export const createSettingsSlice: SliceCreator<SettingsSlice> = (client) => (set, get) => ({
  ...settingsInitial,
  canReveal: client.reveal !== undefined,
  revealDataHome: async () => {
    const path = get().dataHome;
    if (!path) return 'The data folder is not known yet.';
    try {
      if (client.reveal) {
        await client.reveal(path);
        return 'Opened in the file manager.';
      }
      await navigator.clipboard.writeText(path);
      return 'Path copied to the clipboard.';
    } catch {
      return 'Could not open or copy it; select the path above and copy it by hand.';
    }
  },
  loadSettings: async () => {
    try {
      const r = await client.call('settings.get', {});
      set({ settings: r.settings, dataHome: r.dataHome, settingsError: null });
    } catch (e) {
      set({ settingsError: errorText(e) });
    }
  },
  saveSettings: async (settings) => {
    set({ settingsError: null });
    try {
      await client.call('settings.set', { settings });
      set({ settings });
      return true;
    } catch (e) {
      set({ settingsError: errorText(e) });
      return false;
    }
  },
});
