/**
 * Local profiles: register, sign in / out, change password, sessions (stored hashed, with
 * expiry) and the default profile Cognee creates on first start.
 */
import { createHash, randomBytes } from 'node:crypto';

import { AppError } from '../../../shared/domain/errors';
import type { UserId } from '../../../shared/domain/ids';
import type { CoreConfig } from '../config';
import type { Store } from '../store';
import type { UserRow } from '../store/repos/users-repo';
import { hashPassword, verifyPassword } from './passwords';

export const DEFAULT_EMAIL = 'default_user@example.com';
export const DEFAULT_PASSWORD = 'default_password';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly config: CoreConfig,
  ) {}

  /** Creates the default profile on first start (idempotent). */
  async ensureDefaultUser(): Promise<UserRow> {
    const existing = (await this.store.users.defaultUser()) ?? (await this.store.users.byEmail(DEFAULT_EMAIL));
    if (existing) return existing;
    return this.store.users.create({
      email: DEFAULT_EMAIL,
      passwordHash: await hashPassword(DEFAULT_PASSWORD),
      isDefault: true,
      isSuperuser: true,
      usesDefaultPassword: true,
    });
  }

  async register(email: string, password: string): Promise<UserRow> {
    const normalized = email.trim().toLowerCase();
    if (await this.store.users.byEmail(normalized)) throw new AppError('conflict', `A profile with the email ${normalized} already exists`);
    return this.store.users.create({ email: normalized, passwordHash: await hashPassword(password) });
  }

  /** Returns a fresh session token; the same error for an unknown email and a wrong password. */
  async signIn(email: string, password: string): Promise<{ user: UserRow; token: string }> {
    const user = await this.store.users.byEmail(email.trim().toLowerCase());
    // Verify against a dummy hash when the user is unknown so both paths cost the same.
    const ok = user ? await verifyPassword(password, user.password_hash) : (await verifyPassword(password, DUMMY_HASH), false);
    if (!user || !ok) throw new AppError('unauthenticated', 'Wrong email or password');
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
  }

  async userForToken(token: string): Promise<UserRow | undefined> {
    const id = await this.store.sessions.userFor(hashToken(token));
    return id ? this.store.users.byId(id) : undefined;
  }

  /** Changing the password ends every other session of the profile. */
  async changePassword(userId: UserId, current: string, next: string, keepToken?: string): Promise<void> {
    const user = await this.store.users.byId(userId);
    if (!user || !(await verifyPassword(current, user.password_hash))) throw new AppError('unauthenticated', 'The current password is wrong');
    if (current === next) throw new AppError('invalid_input', 'The new password must differ from the current one', { field: 'newPassword' });
    await this.store.users.setPassword(userId, await hashPassword(next), next === DEFAULT_PASSWORD);
    await this.store.sessions.deleteForUser(userId);
    if (keepToken) {
      const expires = new Date(Date.now() + this.config.sessionTtlMs).toISOString();
      await this.store.sessions.create(hashToken(keepToken), userId, expires);
    }
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

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
