// Stands in for the 'electron' module (its binary cannot be downloaded here) so the built shell
// and preload bundles can be loaded under plain Node: records what they ask of Electron.
const Module = require('module');
const calls = [];
const record = (name) => (...args) => {
  calls.push([name, ...args.map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? `object:${Object.keys(a).sort().join(',')}` : typeof a))]);
  return undefined;
};
const electron = {
  app: {
    requestSingleInstanceLock: () => false, // pretend another Kenning runs: the shell must quit
    quit: record('app.quit'),
    getPath: () => '/nonexistent',
    on: record('app.on'),
    whenReady: () => new Promise(() => {}),
    enableSandbox: record('app.enableSandbox'),
  },
  BrowserWindow: function () {},
  session: {},
  protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') },
  ipcMain: { handle: record('ipcMain.handle') },
  utilityProcess: { fork: record('utilityProcess.fork') },
  contextBridge: { exposeInMainWorld: record('contextBridge.exposeInMainWorld') },
  ipcRenderer: { invoke: record('ipcRenderer.invoke'), on: record('ipcRenderer.on'), removeListener: record('ipcRenderer.removeListener') },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
process.on('exit', () => process.stdout.write(`ELECTRON_CALLS ${JSON.stringify(calls)}\n`));
