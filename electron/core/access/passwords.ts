/**
 * scrypt password hashing (node:crypto), stored as `scrypt$N$r$p$salt$hash` so parameters can
 * grow: a hash is always verified with the parameters it was made with, and `needsRehash`
 * says when a successful sign-in should store a new one with today's parameters.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/** Today's cost: N = 2^17, r = 8 (128 MiB and ~0.3–0.9 s per hash on a 2-core machine). */
export const SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
/** The smallest N accepted for new hashes (test helpers use it to keep suites fast). */
export const MIN_SCRYPT_N = 2 ** 10;
/** Stored parameters beyond these are refused rather than run (a corrupt row must not exhaust memory). */
const MAX_STORED_N = 2 ** 20;
const MAX_STORED_R = 32;
const MAX_STORED_P = 16;

/**
 * At most two hashes run at once (the machine has two cores; each N = 2^17 hash holds 128 MiB):
 * a burst of sign-ins or registrations queues here instead of taking every libuv thread and
 * half a gigabyte of memory.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next(); // hand the slot over without releasing it
    else running--;
  }
}

/** scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) refuses N = 2^17, so set it from the parameters. */
function scrypt(password: string, salt: Buffer, keylen: number, n: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: n, r, p, maxmem: 128 * n * r * 2 + 1024 * 1024 };
  return limited(() => new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)))));
}

function checkN(n: number): number {
  if (!Number.isInteger(n) || n < MIN_SCRYPT_N || n > MAX_STORED_N || (n & (n - 1)) !== 0) {
    throw new Error(`scrypt N must be a power of two between ${MIN_SCRYPT_N} and ${MAX_STORED_N}, got ${n}`);
  }
  return n;
}

/** Hashes with today's parameters (`n` only differs in test helpers; see CoreConfig.scryptN). */
export async function hashPassword(password: string, n: number = SCRYPT_N): Promise<string> {
  checkN(n);
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, n, R, P);
  return `scrypt$${n}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

type Parsed = Readonly<{ n: number; r: number; p: number; salt: Buffer; key: Buffer }>;

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const parsed = { n: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(saltB64, 'base64'), key: Buffer.from(keyB64, 'base64') };
  const ok =
    Number.isInteger(parsed.n) && parsed.n >= 2 && parsed.n <= MAX_STORED_N && (parsed.n & (parsed.n - 1)) === 0 &&
    Number.isInteger(parsed.r) && parsed.r >= 1 && parsed.r <= MAX_STORED_R &&
    Number.isInteger(parsed.p) && parsed.p >= 1 && parsed.p <= MAX_STORED_P &&
    parsed.key.length >= 16;
  return ok ? parsed : null;
}

/** True when `password` matches `stored`, computed with the parameters stored with it. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await scrypt(password, h.salt, h.key.length, h.n, h.r, h.p);
  return key.length === h.key.length && timingSafeEqual(key, h.key);
}

/** True when `stored` was made with other parameters than today's: re-hash it after a successful sign-in. */
export function needsRehash(stored: string, n: number = SCRYPT_N): boolean {
  const h = parse(stored);
  return !h || h.n !== n || h.r !== R || h.p !== P || h.key.length !== KEYLEN;
}

/**
 * A hash nobody's password matches, with today's parameters: verifying against it for an
 * unknown email costs what a real profile costs, so timing does not tell which emails exist.
 */
export function dummyHash(n: number = SCRYPT_N): string {
  return `scrypt$${n}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;
}
