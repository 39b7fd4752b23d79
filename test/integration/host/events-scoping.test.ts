/**
 * The /events WebSocket with two profiles: a `datasets.changed` event reaches only sessions
 * that may read that dataset (a revoke or delete also reaches whoever just lost it, and no one
 * else), and a socket closes whenever its session ends: sign-out over either API, a password
 * change (other sessions only), expiry, or the profile being deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rawDbForTests } from '../../../electron/core/store';
import { rpc } from '../../helpers/http-core';
import { connectEvents } from './events-socket';
import type { EventsSocket } from './events-socket';
import { openHost } from './harness';
import type { Harness } from './harness';

/** Opens the events socket as `token`. */
const connect = (url: string, token: string) => connectEvents(url, { authorization: `Bearer ${token}` });

const changed = (reason: string) => ({ event: 'datasets.changed', payload: { reason } });

describe('events reach only who may read the dataset', () => {
  let h: Harness;
  let a: { token: string; id: string };
  let b: { token: string; id: string };
  beforeAll(async () => {
    h = await openHost({}, { sessionCheckMs: 100 });
    a = await h.user('owner@example.com');
    b = await h.user('other@example.com');
  });
  afterAll(async () => h.close());

  async function call(token: string, name: string, input: unknown): Promise<unknown> {
    const r = await rpc(h.url, token, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  }

  /**
   * B's own action as a barrier: the next thing B's socket receives must be B's own event,
   * so nothing about A's private datasets arrived before it.
   */
  let markers = 0;
  async function bSawNothing(sb: EventsSocket): Promise<void> {
    await call(b.token, 'datasets.create', { name: `b-marker-${++markers}` });
    expect(await sb.next()).toEqual(changed('created'));
    expect(sb.pending()).toEqual([]);
  }

  it('create, data, grant, revoke and delete: B hears only about what B may read (or just lost)', async () => {
    const sa = await connect(h.url, a.token);
    const sb = await connect(h.url, b.token);
    const ds = (await call(a.token, 'datasets.create', { name: 'a-private' })) as { id: string };
    expect(await sa.next()).toEqual(changed('created'));
    await call(a.token, 'data.add', { datasetId: ds.id, texts: ['A private note about glass making.'] });
    expect(await sa.next()).toEqual(changed('data'));
    await call(a.token, 'datasets.rename', { datasetId: ds.id, name: 'a-private-2' });
    expect(await sa.next()).toEqual(changed('renamed'));
    await bSawNothing(sb);

    await call(a.token, 'sharing.grant', { datasetId: ds.id, principalId: b.id, permissions: ['read'] });
    expect(await sa.next()).toEqual(changed('granted'));
    expect(await sb.next()).toEqual(changed('granted'));
    await call(a.token, 'data.add', { datasetId: ds.id, texts: ['A second note, now shared.'] });
    expect(await sb.next()).toEqual(changed('data'));
    expect(await sa.next()).toEqual(changed('data'));

    // The revoke reaches B (told to re-list), then B hears nothing more about the dataset.
    await call(a.token, 'sharing.revoke', { datasetId: ds.id, principalId: b.id, permissions: ['read'] });
    expect(await sb.next()).toEqual(changed('revoked'));
    expect(await sa.next()).toEqual(changed('revoked'));
    await call(a.token, 'data.add', { datasetId: ds.id, texts: ['A third note, private again.'] });
    expect(await sa.next()).toEqual(changed('data'));
    await bSawNothing(sb);

    // Deleting a dataset B may read reaches B; deleting a private one does not.
    await call(a.token, 'sharing.grant', { datasetId: ds.id, principalId: b.id, permissions: ['read'] });
    expect(await sb.next()).toEqual(changed('granted'));
    await call(a.token, 'datasets.delete', { datasetId: ds.id });
    expect(await sb.next()).toEqual(changed('deleted'));
    const two = (await call(a.token, 'datasets.create', { name: 'a-two' })) as { id: string };
    await call(a.token, 'datasets.delete', { datasetId: two.id });
    // data.add creating a dataset by name is private too.
    await call(a.token, 'data.add', { datasetName: 'a-by-name', texts: ['Created on the fly.'] });
    await bSawNothing(sb);
    // A heard each of its own changes.
    for (const reason of ['granted', 'deleted', 'created', 'deleted', 'created', 'data']) expect(await sa.next()).toEqual(changed(reason));
  });

  it('closes the socket when its session ends: sign-out over /api/v1, a password change (other sessions only), expiry, profile deletion', async () => {
    const c = await h.user('closing@example.com');
    // Sign-out over Cognee's API.
    const s1 = await connect(h.url, c.token);
    expect((await h.post('/api/v1/auth/logout', {}, c.token)).status).toBe(204);
    expect(await s1.closed).toBe(1008);

    // A password change ends every other session of the profile, and their sockets.
    const keep = ((await rpc(h.url, null, 'auth.signIn', { email: 'closing@example.com', password: 'password-123' })) as { value: { token: string } }).value.token;
    const other = ((await rpc(h.url, null, 'auth.signIn', { email: 'closing@example.com', password: 'password-123' })) as { value: { token: string } }).value.token;
    const kept = await connect(h.url, keep);
    const ended = await connect(h.url, other);
    const bystander = await connect(h.url, b.token);
    await call(keep, 'auth.changePassword', { currentPassword: 'password-123', newPassword: 'password-456' });
    expect(await ended.closed).toBe(1008);
    expect(kept.isOpen()).toBe(true);
    await call(keep, 'datasets.create', { name: 'still-listening' });
    expect(await kept.next()).toEqual(changed('created'));
    expect(bystander.isOpen()).toBe(true);

    // Expiry: the session runs out while the socket is open.
    rawDbForTests(h.core.services.store).prepare(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ?`).run(c.id);
    expect(await kept.closed).toBe(1008);

    // The profile is deleted (no procedure does this yet; the store can): its sockets close.
    const d = await h.user('deleted@example.com');
    const sd = await connect(h.url, d.token);
    rawDbForTests(h.core.services.store).prepare(`DELETE FROM principals WHERE id = ?`).run(d.id);
    expect(await sd.closed).toBe(1008);
    expect(bystander.isOpen()).toBe(true);
  });
});
