// `npm start`: Kenning as a desktop app when Electron is available, otherwise in the browser.
// 1. If the Electron binary is installed, build and launch it.
// 2. If not, try Electron's own installer once (it downloads the binary; offline it fails).
// 3. Still none: build, start the host on 127.0.0.1, print its URL and why, and try to open
//    a browser quietly. Never crashes for a missing renderer build (the host then says so).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable path, or null when the binary is not installed. */
function electronBinary() {
  try {
    const p = require('electron'); // the package exports the binary path; it throws without the binary
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
}

function buildAll() {
  const r = run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
  if (r.status !== 0) console.warn('start: the build did not finish; continuing with what exists');
}

let binary = electronBinary();
if (!binary && fs.existsSync(path.join(root, 'node_modules/electron/install.js'))) {
  console.log('start: the Electron binary is missing; trying to download it once…');
  const r = run(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'ignore', timeout: 120_000 });
  if (r.status === 0) binary = electronBinary();
}

if (binary) {
  buildAll();
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron could not be downloaded (offline); opening Kenning in your browser instead');
  buildAll();
  const cli = fs.existsSync(path.join(root, 'dist/host/cli.mjs')) ? [path.join(root, 'dist/host/cli.mjs')] : [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'electron/host/cli.ts')];
  // It stands in for the desktop window, which lists the machine's profiles on its picker; the
  // host does so only on loopback (it refuses the flag on any other address).
  const host = spawn(process.execPath, [...cli, '--list-profiles', ...process.argv.slice(2)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let opened = false;
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const m = /Kenning listening on (\S+)/.exec(String(chunk));
    if (m && !opened) {
      opened = true;
      openBrowser(m[1]);
    }
  });
  const forward = (sig) => host.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  host.on('exit', (code) => process.exit(code ?? 0));
}

/** Opens the URL in the default browser if the platform has an opener; silent when it has none. */
function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const p = spawn(opener, [url], { stdio: 'ignore', detached: true });
    p.on('error', () => undefined);
    p.unref();
  } catch {
    // no opener: the URL is printed above
  }
}
