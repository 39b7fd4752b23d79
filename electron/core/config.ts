/**
 * Settings read once from the environment (Cognee's names where Cognee has one).
 * Everything has a safe default; a malformed value is an error at start, not a surprise later.
 */
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
    maxLiveWorkers: int(env.KENNING_MAX_WORKERS, 6, 'KENNING_MAX_WORKERS', 1),
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
