/** Where the host keeps its data when not told: KENNING_HOME, else the platform's per-user data folder. */
import os from 'node:os';
import path from 'node:path';

export function defaultHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KENNING_HOME) return path.resolve(env.KENNING_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kenning');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kenning');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'Kenning');
}
