import { AppError } from '../../../shared/domain/errors';
import { DEFAULT_PASSWORD } from '../access/auth-service';
import { toUserView } from '../store/repos/users-repo';
import type { Handlers } from './types';
import { callerOf } from './types';

type AuthHandlers = Pick<Handlers, 'auth.status' | 'auth.signIn' | 'auth.autoSignIn' | 'auth.register' | 'auth.signOut' | 'auth.me' | 'auth.changePassword' | 'users.lookup'>;

export const authHandlers: AuthHandlers = {
  'auth.status': async ({ services, caller }) => {
    const { store, config } = services;
    const users = await store.users.list();
    const def = users.find((u) => u.is_default === 1);
    const me = caller ? await store.users.byId(caller.userId) : undefined;
    return {
      accessControl: config.accessControl,
      requireAuthentication: config.requireAuthentication,
      // Listed only where this binding may show a login screen (the desktop app; the host only
      // on loopback when told to): elsewhere the picker asks for an email instead.
      profiles: config.listProfiles ? users.map((u) => ({
            id: u.id,
            email: u.email,
            isDefault: u.is_default === 1,
            passwordHint: u.is_default === 1 && u.uses_default_password === 1 ? DEFAULT_PASSWORD : null,
          })) : null,
      user: me ? toUserView(me) : null,
      autoSignIn: !config.requireAuthentication || (users.length === 1 && def?.uses_default_password === 1),
    };
  },
  'auth.signIn': async ({ services }, input) => {
    const { user, token } = await services.auth.signIn(input.email, input.password);
    return { user: toUserView(user), token };
  },
  'auth.autoSignIn': async ({ services }) => {
    const r = await services.auth.autoSignIn();
    if (!r) throw new AppError('unauthenticated', 'Sign in with a password: this machine has more than one profile, or the default password was changed');
    return { user: toUserView(r.user), token: r.token };
  },
  'auth.register': async ({ services }, input) => toUserView(await services.auth.register(input.email, input.password)),
  'auth.signOut': async ({ services, token }) => {
    if (token) await services.auth.signOut(token);
    return { ok: true };
  },
  'auth.me': async (ctx) => {
    const u = await ctx.services.store.users.byId(callerOf(ctx).userId);
    if (!u) throw new AppError('unauthenticated', 'The signed-in profile no longer exists');
    return toUserView(u);
  },
  'auth.changePassword': async (ctx, input) => {
    await ctx.services.auth.changePassword(callerOf(ctx).userId, input.currentPassword, input.newPassword, ctx.token ?? undefined);
    return { ok: true };
  },
  'users.lookup': async ({ services }, input) => {
    const u = await services.store.users.byEmail(input.email.trim().toLowerCase());
    if (!u) throw new AppError('not_found', `No profile with the email ${input.email}`);
    return { id: u.id, email: u.email };
  },
};
