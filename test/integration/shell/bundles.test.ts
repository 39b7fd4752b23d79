/**
 * The Electron binary cannot run here, so this loads the built shell and preload bundles under
 * plain Node with a stub 'electron' module: every module they pull in (the whole core) must
 * load in CommonJS without throwing, and they must ask Electron for what they should.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const STUB = path.join(__dirname, 'electron-stub.cjs');

function load(bundle: string): Array<[string, ...string[]]> {
  const out = execFileSync(process.execPath, ['-r', STUB, path.join(ROOT, 'dist/electron', bundle)], { encoding: 'utf8', timeout: 60_000 });
  const line = out.split('\n').find((l) => l.startsWith('ELECTRON_CALLS '));
  if (!line) throw new Error(`no ELECTRON_CALLS line in: ${out}`);
  return JSON.parse(line.slice('ELECTRON_CALLS '.length)) as Array<[string, ...string[]]>;
}

describe('Electron bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--electron-only'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  });

  it('the shell loads the whole core in CommonJS and quits when another instance holds the lock', () => {
    const calls = load('shell.cjs');
    expect(calls.map((c) => c[0])).toContain('app.quit');
    expect(calls.map((c) => c[0])).not.toContain('app.enableSandbox'); // second instance stops before setting up
  });

  it('the preload exposes exactly one object, window.kenning, with exactly its three members', () => {
    const calls = load('preload.cjs');
    const exposed = calls.filter((c) => c[0] === 'contextBridge.exposeInMainWorld');
    expect(exposed).toEqual([['contextBridge.exposeInMainWorld', 'kenning', 'object:call,on,revealDataFolder']]);
  });
});
