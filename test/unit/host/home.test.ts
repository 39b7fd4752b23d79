import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultHome } from '../../../electron/host/home';

describe('the host’s default data home', () => {
  it('is Electron’s userData folder for productName "Kenning", so the app and the host share data', () => {
    expect(defaultHome({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Kenning'));
    expect(defaultHome({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe(path.join('/x/cfg', 'Kenning'));
    expect(defaultHome({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Kenning'));
    expect(defaultHome({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(path.join('C:/Users/a/AppData/Roaming', 'Kenning'));
  });

  it('KENNING_HOME wins', () => {
    expect(defaultHome({ KENNING_HOME: '/data/kenning' }, 'linux')).toBe(path.resolve('/data/kenning'));
  });
});
