/**
 * Shared pieces of the reliability suite: CI vs soak sizing, a seeded random generator,
 * sentinel strings, bounded waits, the one-line figures each test prints, and a host over
 * HTTP with a sign-in limit high enough for many profiles.
 */
import fs from 'node:fs';
import path from 'node:path';

import { silentLog } from '../../electron/core/log';
import type { CoreConfig } from '../../electron/core/config';
import { startHost } from '../../electron/host/server';
import type { RunningHost } from '../../electron/host/server';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import type { Reply } from '../../shared/domain/errors';
import { fromWire } from '../../shared/domain/errors';
import { FAST_HASHES } from '../helpers/core';
import { rpc } from '../helpers/http-core';
import { tempDir } from '../helpers/temp';

/** `npm run soak` sets KENNING_SOAK=1: full sizes; otherwise sizes that fit CI. */
export const SOAK = process.env.KENNING_SOAK === '1';
export const size = (ci: number, soak: number): number => (SOAK ? soak : ci);
/** Per-test timeout: generous, because soak sizes run long; nothing asserts on time. */
export const TIMEOUT = SOAK ? 30 * 60_000 : 5 * 60_000;

/** Prints the figures of one test as one line: `[reliability] churn: users=10, ops=412, leaks=0`. */
export function report(name: string, figures: Record<string, number | string>): void {
  const line = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  console.log(`[reliability] ${name}${SOAK ? ' (soak)' : ''}: ${line}`);
}

/** mulberry32: small, fast, seeded; every test prints its seed so a failure can be replayed. */
export function rng(seed: number): { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

export const SEED = Number(process.env.KENNING_SEED ?? 20240917);

/**
 * A sentinel: one lower-case token no tokenizer splits and no real text contains, e.g.
 * `zqu3d1i0k`. `SENTINEL_RE` finds them in result text.
 */
export const sentinel = (user: number, ds: string, item: number | string): string => `zqu${user}d${ds}i${item}k`;
export const SENTINEL_RE = /zqu(\d+)d([a-z0-9]+)i([a-z0-9]+)k/g;
export const sentinelsIn = (text: string): string[] => [...text.matchAll(SENTINEL_RE)].map((m) => m[0]);

/** A short real-looking document carrying one sentinel. */
export function sentinelDoc(s: string, topic: string): string {
  return `The archive of ${s} holds letters about ${topic}. Researchers in London read the letters of ${s} every winter. The collection was catalogued by the library.`;
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes (then throws `what`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, deadlineMs = 120_000, everyMs = 50): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** True when `pid` is a live process (not a zombie). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** Direct children of a process (from /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(after[1]) === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

export type HttpHost = Readonly<{
  host: RunningHost;
  home: string;
  url: string;
  reply<N extends ProcedureName>(token: string | null, name: N, input?: unknown): Promise<Reply<Output<N>>>;
  call<N extends ProcedureName>(token: string | null, name: N, input?: unknown): Promise<Output<N>>;
  user(email: string): Promise<{ token: string; id: string; email: string }>;
  close(): Promise<void>;
}>;

/** Starts the host in-process on a free port over `home` (a fresh temporary folder when omitted). */
export async function openHttpHost(config: Partial<CoreConfig> = {}, home?: string): Promise<HttpHost> {
  const t = home ? { dir: home, cleanup: () => undefined } : tempDir('kenning-rel-');
  const host = await startHost({ home: t.dir, port: 0, config: { workerIdleMs: 60_000, registrationsPerMinute: 10_000, ...FAST_HASHES, ...config }, log: silentLog, signInPerMinute: 100_000 });
  const reply = (token: string | null, name: ProcedureName, input: unknown = {}) => rpc(host.url, token, name, input);
  const call = async (token: string | null, name: ProcedureName, input: unknown = {}) => {
    const r = await reply(token, name, input);
    if (!r.ok) throw fromWire(r.error);
    return r.value;
  };
  return {
    host,
    home: t.dir,
    url: host.url,
    reply: reply as HttpHost['reply'],
    call: call as HttpHost['call'],
    user: async (email) => {
      await call(null, 'auth.register', { email, password: 'password-123' });
      const s = (await call(null, 'auth.signIn', { email, password: 'password-123' })) as Output<'auth.signIn'>;
      return { token: s.token, id: s.user.id, email };
    },
    close: async () => {
      await host.close();
      t.cleanup();
    },
  };
}

/** Every file under `dir` (relative paths, sorted), skipping `skip` (absolute). */
export function listFiles(dir: string, skip?: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (skip && (p === skip || p.startsWith(skip + path.sep))) continue;
      out.push(path.relative(dir, p) + (e.isDirectory() ? '/' : ''));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}
