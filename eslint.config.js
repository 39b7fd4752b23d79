// Lint: the process boundaries of docs/ARCHITECTURE.md as rules, plus the few correctness rules the code
// relies on. `npm test` runs it (`npm run lint`), so a boundary crossed fails the build.
//
// Boundaries (who may import what):
//   shared/            zod and itself only: no node:, no DOM-only code, no electron, no engine
//   renderer/          react, zustand, cytoscape and shared/: no node:, no electron, no engine
//   electron/core/     Node and better-sqlite3: never electron, kuzu, lancedb, nor worker/shell/host code
//   electron/worker/   the only code that imports kuzu and @lancedb/lancedb; never electron, core, shell, host
//   electron/host/     the HTTP shell over core: never electron, nor worker code
//   electron/shell/, electron/preload/   the only code that imports electron
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'zlib', 'buffer', 'worker_threads', 'net', 'http', 'https', 'stream'];
const ENGINES = ['kuzu', '@lancedb/lancedb', 'better-sqlite3'];

/**
 * One `no-restricted-imports` rule from groups of forbidden imports, each with its reason. Bare
 * package names are matched exactly (`paths`); anything with a `*` or a `/` is a path glob.
 */
const isGlob = (s) => s.includes('*') || s.startsWith('!');
const forbid = (...groups) => [
  'error',
  {
    paths: groups.flatMap(([names, message]) => names.filter((n) => !isGlob(n)).map((name) => ({ name, message }))),
    patterns: groups
      .map(([names, message]) => ({ group: names.filter(isGlob), message }))
      .filter((p) => p.group.some((g) => !g.startsWith('!'))),
  },
];

const notElectron = [['electron'], 'Only electron/shell and electron/preload import electron (it throws without the binary).'];
const notEngines = [['kuzu', '@lancedb/lancedb'], 'Only electron/worker imports the graph and vector engines.'];
const notWorker = [['**/worker/*', '**/worker/**', '!**/shared/worker-*'], 'Main-side code talks to workers through shared/worker-protocol, never their modules.'];
const notShells = [['**/shell/*', '**/shell/**', '**/host/*', '**/host/**', '**/preload/*', '**/preload/**'], 'The core is shell-free: the shells depend on it, not the other way round.'];
const notCore = [['**/core/*', '**/core/**'], 'A worker knows nothing of main: it gets everything it needs in its requests.'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'renderer/dist/**', 'scripts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      'no-control-regex': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [[...NODE_BUILTINS, ...ENGINES, 'electron', 'react', 'react-dom', 'zustand', 'cytoscape', 'fastify'], 'shared/ imports nothing but itself and zod.'],
        [['**/electron/**', '**/renderer/**'], 'shared/ is the contract both sides import; it imports neither.'],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': forbid(
        [[...NODE_BUILTINS, ...ENGINES, 'electron'], 'The renderer is untrusted web code: no Node, no Electron, no engines; it talks through its transport.'],
        [['**/electron/**'], 'The renderer reaches main only through shared/contract and its transport.'],
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(notElectron, notEngines, notWorker, notShells) },
  },
  {
    files: ['electron/worker/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(notElectron, notCore, notShells) },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(notElectron, notEngines, notWorker) },
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(notEngines, notWorker) },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(notElectron, notEngines, notWorker, notCore, notShells) },
  },
  {
    // Tests reach the real engines and processes; they may import anything except electron.
    files: ['test/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': forbid(notElectron) },
  },
);
