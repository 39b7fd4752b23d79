/**
 * Local profiles: register, sign in / out, change password, sessions (stored hashed, with
 * expiry) and the default profile Cognee creates on first start. Sign-in is throttled per
 * account and registration per minute (sign-in-throttle.ts); hashes made with older scrypt
 * parameters are replaced on the next successful sign-in. Whoever holds live connections for
 * a session (the host's event sockets) hears through `onSessionsEnded` when sessions end.
 */
import { createHash, randomBytes } from 'node:crypto';

import { AppError } from '../../../shared/domain/errors';
import type { UserId } from '../../../shared/domain/ids';
import type { CoreConfig } from '../config';
import type { Store } from '../store';
import type { UserRow } from '../store/repos/users-repo';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import { SignInThrottle, WindowLimit } from './sign-in-throttle';

/** Sessions that just ended: one token (sign-out), or every session of a profile but one (password change). */
export type EndedSessions = Readonly<{ tokenHash: string } | { userId: UserId; exceptTokenHash?: string }>;

export const DEFAULT_EMAIL = 'default_user@example.com';
export const DEFAULT_PASSWORD = 'default_password';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AuthService {
  readonly #throttle: SignInThrottle;
  readonly #registrations: WindowLimit;
  readonly #endedListeners = new Set<(ended: EndedSessions) => void>();

  constructor(
    private readonly store: Store,
    private readonly config: CoreConfig,
    throttle: SignInThrottle = new SignInThrottle(),
  ) {
    this.#throttle = throttle;
    this.#registrations = new WindowLimit(config.registrationsPerMinute, 60_000, 'new profiles');
  }

  /** Calls `fn` whenever sessions end by sign-out or password change. Returns an unsubscribe function. */
  onSessionsEnded(fn: (ended: EndedSessions) => void): () => void {
    this.#endedListeners.add(fn);
    return () => this.#endedListeners.delete(fn);
  }

  #ended(ended: EndedSessions): void {
    for (const fn of this.#endedListeners) {
      try {
        fn(ended);
      } catch {
        // a listener's failure must not undo a sign-out
      }
    }
  }

  /** Creates the default profile on first start (idempotent). */
  async ensureDefaultUser(): Promise<UserRow> {
    const existing = (await this.store.users.defaultUser()) ?? (await this.store.users.byEmail(DEFAULT_EMAIL));
    if (existing) return existing;
    return this.store.users.create({
      email: DEFAULT_EMAIL,
      passwordHash: await hashPassword(DEFAULT_PASSWORD, this.config.scryptN),
      isDefault: true,
      isSuperuser: true,
      usesDefaultPassword: true,
    });
  }

  async register(email: string, password: string): Promise<UserRow> {
    const normalized = email.trim().toLowerCase();
    this.#registrations.take(); // before the hash: a refused burst costs nothing
    if (await this.store.users.byEmail(normalized)) throw new AppError('conflict', `A profile with the email ${normalized} already exists`);
    return this.store.users.create({ email: normalized, passwordHash: await hashPassword(password, this.config.scryptN) });
  }

  /**
   * Returns a fresh session token; the same error for an unknown email and a wrong password.
   * Throttled per account (throws `rate_limited` naming when to retry, before any hashing).
   */
  async signIn(email: string, password: string): Promise<{ user: UserRow; token: string }> {
    const normalized = email.trim().toLowerCase();
    const attempt = this.#throttle.begin(normalized);
    let user: UserRow | undefined;
    let ok = false;
    try {
      user = await this.store.users.byEmail(normalized);
      // Verify against a dummy hash (today's parameters) when the user is unknown so both paths cost the same.
      ok = user ? await verifyPassword(password, user.password_hash) : (await verifyPassword(password, dummyHash(this.config.scryptN)), false);
    } finally {
      if (user && ok) attempt.succeeded();
      else attempt.failed();
    }
    if (!user || !ok) throw new AppError('unauthenticated', 'Wrong email or password');
    if (needsRehash(user.password_hash, this.config.scryptN)) {
      // The only moment the plain password is at hand: move the hash to today's parameters.
      await this.store.users.setPassword(user.id, await hashPassword(password, this.config.scryptN), user.uses_default_password === 1);
    }
    return { user, token: await this.issueSession(user.id) };
  }

  async issueSession(userId: UserId): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(Date.now() + this.config.sessionTtlMs).toISOString();
    await this.store.sessions.create(hashToken(token), userId, expires);
    return token;
  }

  async signOut(token: string): Promise<void> {
    await this.store.sessions.delete(hashToken(token));
    this.#ended({ tokenHash: hashToken(token) });
  }

  async userForToken(token: string): Promise<UserRow | undefined> {
    const id = await this.store.sessions.userFor(hashToken(token));
    return id ? this.store.users.byId(id) : undefined;
  }

  /**
   * Changing the password ends every other session of the profile. The current password is
   * throttled like a sign-in: a stolen session must not become a way to guess it.
   */
  async changePassword(userId: UserId, current: string, next: string, keepToken?: string): Promise<void> {
    const user = await this.store.users.byId(userId);
    if (!user) throw new AppError('unauthenticated', 'The current password is wrong');
    const attempt = this.#throttle.begin(user.email);
    let ok = false;
    try {
      ok = await verifyPassword(current, user.password_hash);
    } finally {
      if (ok) attempt.succeeded();
      else attempt.failed();
    }
    if (!ok) throw new AppError('unauthenticated', 'The current password is wrong');
    if (current === next) throw new AppError('invalid_input', 'The new password must differ from the current one', { field: 'newPassword' });
    await this.store.users.setPassword(userId, await hashPassword(next, this.config.scryptN), next === DEFAULT_PASSWORD);
    await this.store.sessions.deleteForUser(userId);
    if (keepToken) {
      const expires = new Date(Date.now() + this.config.sessionTtlMs).toISOString();
      await this.store.sessions.create(hashToken(keepToken), userId, expires);
    }
    this.#ended(keepToken ? { userId, exceptTokenHash: hashToken(keepToken) } : { userId });
  }

  /**
   * A single-profile machine skips the password prompt: allowed only while the default
   * profile is the only one and still has the default password (which is public anyway),
   * or when authentication is not required at all.
   */
  async autoSignIn(): Promise<{ user: UserRow; token: string } | null> {
    const def = await this.ensureDefaultUser();
    const count = await this.store.users.count();
    const allowed = !this.config.requireAuthentication || (count === 1 && def.uses_default_password === 1);
    if (!allowed) return null;
    return { user: def, token: await this.issueSession(def.id) };
  }
}
