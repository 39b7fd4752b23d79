/**
 * Sign-in throttling per account (the normalized email), not per address: on 127.0.0.1 every
 * local caller shares one address, so a per-address limit let one profile's wrong guesses
 * lock every profile out. Each account gets a few free failures, then exponential backoff;
 * a success clears it. Attempts in flight count as failures until they end, so a burst of
 * parallel guesses gets no more tries than a sequence would. Unknown emails are tracked the
 * same way, so a lockout does not reveal which emails have a profile.
 */
import { AppError } from '../../../shared/domain/errors';

export type ThrottleOptions = Readonly<{
  /** Failures allowed before the first wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /** An account with no failure for this long starts afresh. */
  forgetAfterMs: number;
  /** Accounts remembered at most (the oldest are forgotten first). */
  maxEntries: number;
  now: () => number;
}>;

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxEntries: 10_000,
  now: Date.now,
};

type Entry = { failures: number; pending: number; lockedUntil: number; lastFailureAt: number };

/** What `begin` hands back: call exactly one of them when the attempt ends. */
export type Attempt = Readonly<{ succeeded(): void; failed(): void }>;

export class SignInThrottle {
  readonly #entries = new Map<string, Entry>();
  readonly #o: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.#o = { ...DEFAULT_THROTTLE, ...options };
  }

  /**
   * Starts an attempt for `account`, or throws `rate_limited` naming when to retry. Checked
   * before the password is hashed, so a locked account costs the host nothing.
   */
  begin(account: string): Attempt {
    const now = this.#o.now();
    const e = this.#entry(account, now);
    const waitMs = Math.max(0, e.lockedUntil - now);
    // Past the free failures only one attempt may be in flight: its result decides the next wait.
    const busy = e.failures + e.pending >= this.#o.freeFailures && e.pending > 0;
    if (waitMs > 0 || busy) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      const retryAt = new Date(now + seconds * 1000).toISOString();
      throw new AppError('rate_limited', `Too many failed sign-in attempts for this profile; try again in ${seconds} s (after ${retryAt})`, {
        retryAfterSeconds: seconds,
        retryAt,
      });
    }
    e.pending++;
    let ended = false;
    return {
      succeeded: () => {
        if (ended) return;
        ended = true;
        e.pending--;
        e.failures = 0;
        e.lockedUntil = 0;
        if (e.pending === 0) this.#entries.delete(account);
      },
      failed: () => {
        if (ended) return;
        ended = true;
        const at = this.#o.now();
        e.pending--;
        e.failures++;
        e.lastFailureAt = at;
        const over = e.failures - this.#o.freeFailures;
        if (over >= 0) e.lockedUntil = at + Math.min(this.#o.maxDelayMs, this.#o.baseDelayMs * 2 ** Math.min(over, 30));
        this.#entries.set(account, e);
      },
    };
  }

  /** Failures recorded for `account` (tests and diagnostics). */
  failures(account: string): number {
    return this.#entries.get(account)?.failures ?? 0;
  }

  #entry(account: string, now: number): Entry {
    let e = this.#entries.get(account);
    if (e && e.pending === 0 && now - e.lastFailureAt > this.#o.forgetAfterMs && now >= e.lockedUntil) {
      this.#entries.delete(account);
      e = undefined;
    }
    if (!e) {
      e = { failures: 0, pending: 0, lockedUntil: 0, lastFailureAt: now };
      if (this.#entries.size >= this.#o.maxEntries) this.#evict(now);
      this.#entries.set(account, e);
    }
    return e;
  }

  /** Drops forgotten entries, else the oldest idle ones, to stay under maxEntries. */
  #evict(now: number): void {
    for (const [k, v] of this.#entries) {
      if (v.pending === 0 && now - v.lastFailureAt > this.#o.forgetAfterMs) this.#entries.delete(k);
    }
    for (const [k, v] of this.#entries) {
      if (this.#entries.size < this.#o.maxEntries) break;
      if (v.pending === 0) this.#entries.delete(k);
    }
  }
}

/**
 * A fixed-window counter for registrations (anonymous and not tied to any account): at most
 * `max` per `windowMs` per core. Each registration costs a full password hash, so an open
 * endpoint must not be a way to burn the machine's CPU and memory.
 */
export class WindowLimit {
  #windowStart = 0;
  #count = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one use, or throws `rate_limited` naming when to retry. */
  take(): void {
    const now = this.now();
    if (now - this.#windowStart >= this.windowMs) {
      this.#windowStart = now;
      this.#count = 0;
    }
    if (this.#count >= this.max) {
      const seconds = Math.max(1, Math.ceil((this.#windowStart + this.windowMs - now) / 1000));
      const retryAt = new Date(now + seconds * 1000).toISOString();
      throw new AppError('rate_limited', `Too many ${this.what} (at most ${this.max} every ${Math.round(this.windowMs / 60_000)} min); try again in ${seconds} s (after ${retryAt})`, {
        retryAfterSeconds: seconds,
        retryAt,
      });
    }
    this.#count++;
  }
}
