#!/usr/bin/env node
/**
 * `npm test` runs the end-to-end suite in Debian's Chromium (Playwright cannot download its own
 * browser on an offline build machine). This makes `npm install && npm test` the whole set-up:
 * if /usr/bin/chromium is missing it installs Debian's package when it can (root, or password-less
 * sudo, and apt-get present) and otherwise says exactly what to run, then fails.
 * KENNING_CHROMIUM points the tests at another Chromium and skips all of this.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.KENNING_CHROMIUM || '/usr/bin/chromium';

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function main() {
  if (fs.existsSync(CHROMIUM)) return 0;
  if (process.env.KENNING_CHROMIUM) {
    console.error(`[ensure-chromium] KENNING_CHROMIUM=${CHROMIUM} does not exist`);
    return 1;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !root && have('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!have('apt-get') || (!root && !sudo)) {
    console.error(
      `[ensure-chromium] The browser tests need Chromium at ${CHROMIUM} and it is missing.\n` +
        `  On Debian/Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium\n` +
        `  Elsewhere install Chromium and set KENNING_CHROMIUM=/path/to/chromium, then run npm test again.`,
    );
    return 1;
  }
  const prefix = root ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  console.log(`[ensure-chromium] ${CHROMIUM} is missing: installing Debian's chromium package for the browser tests`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`[ensure-chromium] apt-get finished but ${CHROMIUM} is still missing`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
