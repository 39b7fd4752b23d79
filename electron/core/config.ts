/**
 * Settings read once from the environment (Cognee's names where Cognee has one).
 * Everything has a safe default; a malformed value is an error at start, not a surprise later.
 */
import os from 'node:os';

import { SCRYPT_N } from './access/passwords';

export type CoreConfig = Readonly<{
  /** Cognee's ENABLE_BACKEND_ACCESS_CONTROL: per-user ACLs; forces authentication on. */
  accessControl: boolean;
  /** Cognee's REQUIRE_AUTHENTICATION; without it anonymous calls act as the default profile. */
  requireAuthentication: boolean;
  queueEnabled: boolean;
  queueMaxConcurrent: number;
  /** Milliseconds an unused dataset worker stays open. */
  workerIdleMs: number;
  /** KENNING_MAX_WORKERS; by default as many as the machine's memory holds (see defaultMaxWorkers). */
  maxLiveWorkers: number;
  maxFileBytes: number;
  maxFilesPerCall: number;
  sessionTtlMs: number;
  /** Registrations per minute (anonymous; each costs a full password hash). */
  registrationsPerMinute: number;
  /** Bytes all uploads in flight may hold together (every request shares this budget). */
  maxUploadInFlightBytes: number;
  /**
   * Whether auth.status lists the profiles (the desktop picker, like an OS login screen). On for
   * the desktop app, whose IPC only its own window reaches; the HTTP host sets it itself (off
   * unless bound to loopback and told to, see HostOptions.listProfiles). Never read from the
   * environment.
   */
  listProfiles: boolean;
  /**
   * scrypt's N for new password hashes. Production never sets it (never read from the
   * environment): only test helpers lower it, so suites that create many profiles stay fast.
   */
  scryptN: number;
}>;

/** The memory one dataset worker is planned for (issue #14's ceiling for a worker's peak RSS). */
export const WORKER_MEMORY_BUDGET = 350 * 2 ** 20;
/** Bounds of the default cap: never below the old fixed default's order, never an unbounded fleet. */
const MIN_DEFAULT_WORKERS = 4;
const MAX_DEFAULT_WORKERS = 64;

/**
 * The default cap on live dataset workers: as many as fit, at WORKER_MEMORY_BUDGET each, in the
 * memory Kenning may take, i.e. half the machine's memory, or what is available at start if that
 * is less (other programs keep theirs), but at least a quarter of it (macOS counts its file cache
 * as used, so "available" there reads low). Between 4 and 64. A search pins every dataset it
 * reads, so a cap below the number of datasets searched stops and restarts workers on every
 * search (issue #14: 10 datasets against the old fixed cap of 6 took 692 ms a search).
 */
export function defaultMaxWorkers(totalBytes: number = os.totalmem(), availableBytes: number = os.freemem()): number {
  const usable = Math.max(totalBytes / 4, Math.min(totalBytes / 2, availableBytes));
  return Math.max(MIN_DEFAULT_WORKERS, Math.min(MAX_DEFAULT_WORKERS, Math.floor(usable / WORKER_MEMORY_BUDGET)));
}

function bool(v: string | undefined, dflt: boolean, name: string): boolean {
  if (v === undefined || v === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new Error(`${name} must be true or false, got "${v}"`);
}

function int(v: string | undefined, dflt: number, name: string, min: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<CoreConfig> = {}): CoreConfig {
  const accessControl = bool(env.ENABLE_BACKEND_ACCESS_CONTROL, true, 'ENABLE_BACKEND_ACCESS_CONTROL');
  const requireAuthentication = accessControl || bool(env.REQUIRE_AUTHENTICATION, false, 'REQUIRE_AUTHENTICATION');
  return {
    accessControl,
    requireAuthentication,
    queueEnabled: bool(env.DATASET_QUEUE_ENABLED, true, 'DATASET_QUEUE_ENABLED'),
    queueMaxConcurrent: int(env.DATASET_QUEUE_MAX_CONCURRENT, 6, 'DATASET_QUEUE_MAX_CONCURRENT', 1),
    workerIdleMs: int(env.KENNING_WORKER_IDLE_MS, 60_000, 'KENNING_WORKER_IDLE_MS', 0),
    maxLiveWorkers: int(env.KENNING_MAX_WORKERS, defaultMaxWorkers(), 'KENNING_MAX_WORKERS', 1),
    maxFileBytes: int(env.KENNING_MAX_FILE_BYTES, 200 * 1024 * 1024, 'KENNING_MAX_FILE_BYTES', 1),
    maxFilesPerCall: int(env.KENNING_MAX_FILES_PER_CALL, 1000, 'KENNING_MAX_FILES_PER_CALL', 1),
    sessionTtlMs: int(env.KENNING_SESSION_TTL_MS, 30 * 24 * 3600 * 1000, 'KENNING_SESSION_TTL_MS', 1000),
    registrationsPerMinute: int(env.KENNING_REGISTRATIONS_PER_MINUTE, 20, 'KENNING_REGISTRATIONS_PER_MINUTE', 1),
    maxUploadInFlightBytes: int(env.KENNING_MAX_UPLOAD_INFLIGHT_BYTES, 512 * 1024 * 1024, 'KENNING_MAX_UPLOAD_INFLIGHT_BYTES', 1024),
    listProfiles: true,
    scryptN: SCRYPT_N,
    ...overrides,
  };
}
