/**
 * Dataset-worker children of this process and CPU time used, read from /proc. Not `ps`: spawning a program from
 * a large process forks it, and the copy-on-write faults that follow slowed the next search
 * by tens of milliseconds when the search benchmark listed workers between calls.
 */
import fs from 'node:fs';

/** Pids of this process's children whose argv carries the dataset-worker flag (Linux; [] elsewhere). */
export function datasetWorkerPids(parent: number = process.pid): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      if (fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('--kenning-dataset-worker')) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU time (user + system, all threads) a process has used so far, in ms; 0 when it is gone (Linux /proc). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 (utime, stime) in clock ticks; Linux reports 100 ticks a second.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time this process has used so far (every thread), in ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
