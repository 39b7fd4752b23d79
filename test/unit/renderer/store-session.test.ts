import { describe, expect, it } from 'vitest';

import { createAppStore } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { dataset, ID, user } from './samples';

const status = (over: Record<string, unknown> = {}) => ({
  accessControl: true,
  requireAuthentication: true,
  profiles: [
    { id: ID.a, email: 'a@example.com', isDefault: false, passwordHint: null },
    { id: ID.b, email: 'b@example.com', isDefault: false, passwordHint: null },
  ],
  user: null,
  autoSignIn: false,
  ...over,
});

function signedInClient(): FakeClient {
  return new FakeClient()
    .handle('datasets.list', () => [dataset(ID.d1, 'Mine')])
    .handle('tenants.mine', () => null)
    .handle('tenants.invitations', () => []);
}

describe('session slice', () => {
  it('shows the picker when nobody is signed in and auto sign-in is off', async () => {
    const client = signedInClient().handle('auth.status', () => status());
    const store = createAppStore(client);
    await store.getState().boot();
    expect(store.getState().phase).toBe('picker');
    expect(store.getState().authStatus?.profiles).toHaveLength(2);
    expect(client.names()).not.toContain('auth.autoSignIn');
  });

  it('opens straight into the default profile when auto sign-in is allowed', async () => {
    const def = user('default_user@example.com', ID.a, true);
    const client = signedInClient()
      .handle('auth.status', () => status({ autoSignIn: true }))
      .handle('auth.autoSignIn', () => ({ user: def, token: '' }));
    const store = createAppStore(client);
    await store.getState().boot();
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().user?.usesDefaultPassword).toBe(true);
    expect(store.getState().datasets.map((d) => d.name)).toEqual(['Mine']);
    expect(client.sessions).toEqual([true]);
  });

  it('resumes an existing session without signing in again', async () => {
    const client = signedInClient().handle('auth.status', () => status({ user: user('a@example.com') }));
    const store = createAppStore(client);
    await store.getState().boot();
    expect(store.getState().user?.email).toBe('a@example.com');
    expect(client.names()).not.toContain('auth.signIn');
  });

  it('says why sign-in failed and stays on the picker', async () => {
    const client = signedInClient().handle('auth.status', () => status()).fail('auth.signIn', 'unauthenticated', 'Wrong email or password');
    const store = createAppStore(client);
    await store.getState().boot();
    expect(await store.getState().signIn('a@example.com', 'nope')).toBe(false);
    expect(store.getState().phase).toBe('picker');
    expect(store.getState().sessionError).toContain('Wrong email or password');
  });

  it('switching profile drops everything of the previous profile and never auto-signs-in', async () => {
    const client = signedInClient()
      .handle('auth.status', () => status({ autoSignIn: true }))
      .handle('auth.signIn', ({ email }) => ({ user: user(email, email.startsWith('a') ? ID.a : ID.b), token: '' }))
      .handle('auth.signOut', () => ({ ok: true }));
    const store = createAppStore(client);
    await store.getState().signIn('a@example.com', 'password-1');
    store.getState().setSearchQuery('secret plans');
    await store.getState().signOut();
    expect(store.getState().phase).toBe('picker');
    expect(store.getState().datasets).toEqual([]);
    expect(store.getState().searchQuery).toBe('');
    expect(client.names().filter((n) => n === 'auth.autoSignIn')).toEqual([]);
    await store.getState().signIn('b@example.com', 'password-2');
    expect(store.getState().user?.email).toBe('b@example.com');
    expect(client.sessions).toEqual([true, false, true]);
  });

  it('a boot that cannot reach the app still shows the picker, with the error in words', async () => {
    const client = signedInClient().fail('auth.status', 'internal', 'Kenning could not be reached');
    const store = createAppStore(client);
    await store.getState().boot();
    expect(store.getState().phase).toBe('picker');
    expect(store.getState().sessionError).toBe('Kenning could not be reached');
  });
});
