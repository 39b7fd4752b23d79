/**
 * Real documentation from the Debian archive for the large-corpus benchmark: each package is
 * fetched once with `apt-get download` (no root needed for the download itself, no install)
 * and unpacked with `dpkg-deb -x` into the cache, so later runs use the very same bytes.
 * Files shipped gzipped (`api/fs.md.gz`) are gunzipped in place when the inner name has an
 * extension the product accepts; everything else compressed stays as it is (and is skipped).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type UnpackedPackage = Readonly<{ pkg: string; deb: string; dir: string }>;

const debIn = (dir: string, pkg: string): string | undefined => fs.readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));

/** apt-get download, running `apt-get update` once first when the package lists are missing or stale. */
function download(debDir: string, pkgs: readonly string[]): void {
  const run = () => execFileSync('apt-get', ['download', ...pkgs], { cwd: debDir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    run();
  } catch {
    // "Unable to locate package" on a fresh machine: the lists were never fetched.
    console.log('[large-corpus] apt-get download failed; running apt-get update once');
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
    run();
  }
}

function gunzipInPlace(dir: string, accepted: ReadonlySet<string>): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.gz')) continue;
    const inner = path.extname(e.name.slice(0, -3)).slice(1).toLowerCase();
    if (!accepted.has(inner)) continue;
    const file = path.join(e.parentPath, e.name);
    fs.writeFileSync(file.slice(0, -3), zlib.gunzipSync(fs.readFileSync(file)));
    fs.rmSync(file);
  }
}

/** Every package downloaded (once) and unpacked (once) under `cacheDir`. */
export function debianDocs(cacheDir: string, pkgs: readonly string[], accepted: ReadonlySet<string>): UnpackedPackage[] {
  const debDir = path.join(cacheDir, 'debs');
  fs.mkdirSync(debDir, { recursive: true });
  const missing = pkgs.filter((p) => !debIn(debDir, p));
  if (missing.length) {
    console.log(`[large-corpus] apt-get download ${missing.join(' ')}`);
    download(debDir, missing);
  }
  return pkgs.map((pkg) => {
    const deb = debIn(debDir, pkg);
    if (!deb) throw new Error(`large corpus: apt-get download ${pkg} produced no .deb in ${debDir}`);
    const dir = path.join(cacheDir, 'unpacked', pkg);
    // The marker is written last, so an interrupted unpack is redone from scratch.
    const marker = path.join(dir, '.unpacked');
    if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== deb) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      execFileSync('dpkg-deb', ['-x', path.join(debDir, deb), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      gunzipInPlace(dir, accepted);
      fs.writeFileSync(marker, deb);
    }
    return { pkg, deb, dir };
  });
}
