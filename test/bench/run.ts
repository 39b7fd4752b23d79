/**
 * The benchmark runner: `npm run bench [-- --quick] [-- --only=a,b]`.
 * Runs each benchmark in its own child process (child.ts), evaluates targets, writes
 * bench/results.json and BENCHMARKS.md. A benchmark that fails is reported as not measured.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { machineInfo } from './lib/machine';
import type { BenchOutput } from './lib/result';
import { evaluate } from './lib/result';
import { carriedSections, renderMarkdown } from './report';
import type { RunResults } from './report';

const REPO = path.resolve(import.meta.dirname, '../..');
const ALL = ['permissions', 'workers', 'search', 'ingest', 'retrieval', 'graph-view', 'large-ingest', 'entities'];
/** Per-benchmark wall-clock limit, so one hang cannot eat the budget. */
const LIMIT_MS = { full: 8 * 60_000, quick: 90_000 };
/** Benchmarks that need longer: large-ingest pushes ≥ 50 MB through one dataset (~3 MB/min before issue 14). */
const OWN_LIMIT_MS: Record<string, { full: number; quick: number }> = {
  'large-ingest': { full: 40 * 60_000, quick: 8 * 60_000 },
  // Four corpora (~7.5 MB of text) ingested into four datasets, then ~225 questions × 6 rankings.
  retrieval: { full: 30 * 60_000, quick: 5 * 60_000 },
};

function runChild(name: string, quick: boolean, out: string, limitMs: number): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', path.join(import.meta.dirname, 'child.ts'), name, out, ...(quick ? ['--quick'] : [])];
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      stderr += `\n(stopped after ${limitMs / 1000} s)`;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 && fs.existsSync(out)) resolve({ ok: true });
      else {
        const lines = stderr.split('\n').filter((l) => l.trim() && !/^npm warn/.test(l));
        const msg = lines.find((l) => /Error|error:/.test(l)) ?? lines.at(-1) ?? `exit code ${code}`;
        resolve({ ok: false, error: msg.trim().slice(0, 400) });
      }
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const names = only ? ALL.filter((n) => only.includes(n)) : ALL;
  const machine = machineInfo();
  const load = os.loadavg();
  if (load[0]! > 0.5 * machine.cores) console.warn(`[bench] load average ${load[0]!.toFixed(2)} on ${machine.cores} cores: other work will skew the figures`);
  const outDir = path.join(REPO, 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const benchmarks: RunResults['benchmarks'][number][] = [];
  const waitIdleS = Number(argv.find((a) => a.startsWith('--wait-idle='))?.slice('--wait-idle='.length) ?? 0);
  for (const name of names) {
    // Optionally wait (bounded) for other work on the machine to calm down first.
    for (let waited = 0; waited < waitIdleS && os.loadavg()[0]! > machine.cores * 0.75; waited += 5) await new Promise((r) => setTimeout(r, 5000));
    const loadBefore = os.loadavg()[0]!;
    const out = path.join(outDir, `.${name}.json`);
    fs.rmSync(out, { force: true });
    const s = Date.now();
    console.log(`[bench] ${name}…`);
    const limit = OWN_LIMIT_MS[name] ?? LIMIT_MS;
    const r = await runChild(name, quick, out, quick ? limit.quick : limit.full);
    const durationMs = Date.now() - s;
    const load: [number, number] = [loadBefore, os.loadavg()[0]!];
    if (r.ok) {
      const b = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchOutput;
      benchmarks.push({ ...b, rows: b.rows.map(evaluate), durationMs, load });
      fs.rmSync(out, { force: true });
    } else {
      benchmarks.push({ name, rows: [], details: {}, notes: [], error: r.error ?? 'failed', durationMs, load });
    }
    console.log(`[bench] ${name}: ${r.ok ? 'done' : `FAILED (${r.error})`} in ${(durationMs / 1000).toFixed(1)} s`);
  }
  const results: RunResults = {
    machine,
    loadAverageAtStart: load,
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    durationMs: Date.now() - t0,
    benchmarks,
  };
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
  // The reliability suite owns the "## Reliability" section: keep it across rewrites.
  const mdPath = path.join(REPO, 'BENCHMARKS.md');
  const previous = fs.existsSync(mdPath) ? fs.readFileSync(mdPath, 'utf8') : '';
  const at = previous.indexOf('\n## Reliability');
  // A run of some benchmarks keeps the other benchmarks' sections of the previous file, marked as carried over.
  const carried = only ? carriedSections(at >= 0 ? previous.slice(0, at) : previous, new Set(names)) : new Map<string, string>();
  fs.writeFileSync(mdPath, renderMarkdown(results, carried).trimEnd() + '\n' + (at >= 0 ? previous.slice(at) : ''));
  for (const b of benchmarks) {
    if (b.error) console.log(`  ${b.name}: not measured: ${b.error}`);
    // A figure that could not be measured is NaN, which JSON turns into null.
    const p = (x: number | null | undefined, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x.toPrecision(d) : 'not measured');
    for (const r of b.rows) console.log(`  ${r.id}: ${p(r.value, 4)} ${r.unit}${r.ratio !== undefined ? ` (×${p(r.ratio, 3)} of limit)` : ''}${r.target ? ` ${r.pass ? 'pass' : 'MISS'}` : ''}`);
  }
  console.log(`[bench] ${(results.durationMs / 1000).toFixed(0)} s; wrote bench/results.json and BENCHMARKS.md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
