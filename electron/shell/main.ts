/**
 * The Electron shell: one window over one Core. Single instance (a second launch focuses the
 * window), a sandboxed, context-isolated renderer served from kenning://app with a strict CSP,
 * no navigation away and no new windows, every permission request denied, and a quit that
 * waits for the core to finish or cancel its runs and close its workers.
 */
import path from 'node:path';

import { app, BrowserWindow, ipcMain, session, shell } from 'electron';

import { Core } from '../core/core';
import { coreOptions } from '../core/node-core';
import { electronLauncher } from './launcher-electron';
import { bindIpc } from './ipc';
import type { IpcBinding } from './ipc';
import { APP_URL, isOwnOrigin } from './app-origin';
import { SHELL_CSP, registerAppScheme, serveRenderer } from './renderer-protocol';

let core: Core | null = null;
let ipc: IpcBinding | null = null;
let win: BrowserWindow | null = null;
let quitting: 'no' | 'closing' | 'done' = 'no';

function createWindow(binding: IpcBinding): BrowserWindow {
  const w = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'Kenning',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  binding.attach(w.webContents);
  w.once('ready-to-show', () => w.show());
  w.on('closed', () => {
    if (win === w) win = null;
  });
  void w.loadURL(APP_URL);
  return w;
}

async function start(): Promise<void> {
  // KENNING_HOME overrides, as for the host; otherwise Electron's per-user folder (the host's default too).
  const home = process.env.KENNING_HOME ? path.resolve(process.env.KENNING_HOME) : app.getPath('userData');
  // Packaged builds ship the local embedding table as an extra resource (electron-builder.yml);
  // utility processes inherit the environment, so the workers find it there.
  if (app.isPackaged) process.env.KENNING_WORD_VECTORS ??= path.join(process.resourcesPath, 'word-vectors');
  const workerEntry = path.join(__dirname, 'worker.cjs'); // bundled beside this file by scripts/build.mjs
  // Dataset workers run as Electron utility processes; everything else is the same core as the host's.
  const options = coreOptions({ home, launcher: electronLauncher(workerEntry) });
  core = await Core.open(options);

  serveRenderer(path.join(app.getAppPath(), 'dist', 'renderer'));
  // Belt and braces: the policy also rides on every response of the default session.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [SHELL_CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false)); // nothing is needed
  ipc = bindIpc(core, isOwnOrigin, { ipcMain, openPath: (p) => shell.openPath(p) });
  win = createWindow(ipc);
}

if (!app.requestSingleInstanceLock()) {
  app.quit(); // another Kenning is running: it gets focused by its 'second-instance' handler
} else {
  registerAppScheme();
  app.enableSandbox();

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnOrigin(url)) event.preventDefault(); // the app never leaves its own pages
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.whenReady().then(start, (e: unknown) => {
    console.error('Kenning could not start', e);
    app.exit(1);
  });

  app.on('activate', () => {
    if (!win && ipc && BrowserWindow.getAllWindows().length === 0) win = createWindow(ipc);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for the core: runs finish or are cancelled, workers close, the db closes.
  app.on('before-quit', (event) => {
    if (quitting === 'done' || !core) return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    ipc?.dispose();
    core.close().finally(() => {
      quitting = 'done';
      app.quit();
    });
  });
}
