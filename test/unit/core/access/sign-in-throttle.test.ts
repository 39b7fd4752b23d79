/** Per-account sign-in backoff and the registration window, on a fake clock. */
import { describe, expect, it } from 'vitest';

import { SignInThrottle, WindowLimit } from '../../../../electron/core/access/sign-in-throttle';
import { AppError } from '../../../../shared/domain/errors';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** The AppError `fn` throws (fails the test when it does not throw one). */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('SignInThrottle', () => {
  it('allows the free failures, then makes the account wait, doubling each time, with a message naming when', () => {
    const c = clock();
    const t = new SignInThrottle({ freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 60_000, now: c.now });
    for (let i = 0; i < 3; i++) t.begin('a@example.com').failed();
    const e = refusal(() => t.begin('a@example.com'));
    expect(e.code).toBe('rate_limited');
    expect(e.message).toMatch(/Too many failed sign-in attempts for this profile; try again in 2 s \(after \d{4}-\d\d-\d\dT/);
    expect(e.detail).toMatchObject({ retryAfterSeconds: 2 });
    c.advance(2_000);
    t.begin('a@example.com').failed(); // the 4th failure: the next wait is 4 s
    expect(refusal(() => t.begin('a@example.com')).detail).toMatchObject({ retryAfterSeconds: 4 });
    c.advance(4_000);
    t.begin('a@example.com').failed();
    expect(refusal(() => t.begin('a@example.com')).detail).toMatchObject({ retryAfterSeconds: 8 });
    // capped
    for (let i = 0; i < 20; i++) {
      c.advance(60_000);
      t.begin('a@example.com').failed();
    }
    expect(refusal(() => t.begin('a@example.com')).detail).toMatchObject({ retryAfterSeconds: 60 });
  });

  it('one account’s failures never slow another account down', () => {
    const c = clock();
    const t = new SignInThrottle({ freeFailures: 2, now: c.now });
    for (let i = 0; i < 2; i++) t.begin('attacker-target@example.com').failed();
    expect(() => t.begin('attacker-target@example.com')).toThrow(/try again/);
    for (let i = 0; i < 10; i++) t.begin(`user${i}@example.com`).succeeded();
    expect(t.failures('user0@example.com')).toBe(0);
  });

  it('a success clears the account’s failures', () => {
    const c = clock();
    const t = new SignInThrottle({ freeFailures: 3, now: c.now });
    t.begin('a@example.com').failed();
    t.begin('a@example.com').failed();
    t.begin('a@example.com').succeeded();
    expect(t.failures('a@example.com')).toBe(0);
    t.begin('a@example.com').failed();
    t.begin('a@example.com').failed();
    expect(() => t.begin('a@example.com').failed()).not.toThrow();
  });

  it('parallel guesses get no more tries than sequential ones: attempts in flight count', () => {
    const c = clock();
    const t = new SignInThrottle({ freeFailures: 3, now: c.now });
    const inFlight = [t.begin('a@example.com'), t.begin('a@example.com'), t.begin('a@example.com')];
    expect(refusal(() => t.begin('a@example.com')).code).toBe('rate_limited');
    for (const a of inFlight) a.failed();
    expect(refusal(() => t.begin('a@example.com')).code).toBe('rate_limited'); // now waiting
    c.advance(60_000);
    const one = t.begin('a@example.com'); // past the wait: one attempt at a time
    expect(refusal(() => t.begin('a@example.com')).code).toBe('rate_limited');
    one.failed();
  });

  it('forgets an account after a quiet period, and stays within maxEntries', () => {
    const c = clock();
    const t = new SignInThrottle({ freeFailures: 1, baseDelayMs: 1_000, forgetAfterMs: 10_000, maxEntries: 5, now: c.now });
    t.begin('a@example.com').failed();
    c.advance(20_000);
    expect(() => t.begin('a@example.com').succeeded()).not.toThrow();
    for (let i = 0; i < 50; i++) t.begin(`spray${i}@example.com`).failed();
    expect(t.failures('spray49@example.com')).toBe(1);
    expect(t.failures('spray0@example.com')).toBe(0); // evicted, not grown without bound
  });
});

describe('WindowLimit', () => {
  it('refuses past `max` per window with a message naming when to retry, then allows again', () => {
    const c = clock();
    const w = new WindowLimit(3, 60_000, 'new profiles', c.now);
    for (let i = 0; i < 3; i++) w.take();
    const e = refusal(() => w.take());
    expect(e.code).toBe('rate_limited');
    expect(e.message).toMatch(/Too many new profiles \(at most 3 every 1 min\); try again in 60 s/);
    c.advance(30_000);
    expect(refusal(() => w.take()).detail).toMatchObject({ retryAfterSeconds: 30 });
    c.advance(30_000);
    expect(() => w.take()).not.toThrow();
  });
});
