/** Process memory (Linux /proc) and worker-pid discovery. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** VmHWM (peak RSS) and VmRSS of a pid in MiB, or null when it is gone. */
export function memOf(pid: number): { hwmMiB: number; rssMiB: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0);
    return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** Direct children of `pid` (ps --ppid). */
export function childPids(pid: number = process.pid): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** Is this child a dataset worker (its argv carries the worker flag)? */
export function isDatasetWorker(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--kenning-dataset-worker');
  } catch {
    return false;
  }
}

/**
 * Samples the peak RSS of main and of every dataset worker child every `everyMs` until stopped.
 * VmHWM is the kernel's own high-water mark, so a short peak between samples is still seen
 * as long as the process is alive at the next sample.
 */
export class PeakSampler {
  readonly #timer: NodeJS.Timeout;
  mainPeakMiB = 0;
  workerPeakMiB = 0;
  workerPids = new Set<number>();

  constructor(everyMs = 100) {
    this.#timer = setInterval(() => this.sample(), everyMs);
    this.#timer.unref();
  }

  sample(): void {
    const m = memOf(process.pid);
    if (m) this.mainPeakMiB = Math.max(this.mainPeakMiB, m.hwmMiB);
    for (const pid of childPids()) {
      if (!isDatasetWorker(pid)) continue;
      this.workerPids.add(pid);
      const w = memOf(pid);
      if (w) this.workerPeakMiB = Math.max(this.workerPeakMiB, w.hwmMiB);
    }
  }

  stop(): void {
    this.sample();
    clearInterval(this.#timer);
  }
}
