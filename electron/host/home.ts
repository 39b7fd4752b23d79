/**
 * Where the host keeps its data when not told: KENNING_HOME, else the folder the desktop app
 * uses (Electron's `userData` for productName "Kenning"), so both ways of starting Kenning see
 * the same profiles and datasets.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KENNING_HOME) return path.resolve(env.KENNING_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kenning');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kenning');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Kenning');
}
