/**
 * Who may see the list of profiles: the desktop picker (in-process binding) lists them like an
 * OS login screen; the host does not by default, since any local OS account can reach
 * 127.0.0.1; it lists them only on loopback with listProfiles, and never on another address.
 */

import { afterEach, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import { rpc } from '../../helpers/http-core';
import { openHost } from './harness';
import type { Harness } from './harness';

type Status = { profiles: { email: string }[] | null };

async function statusOf(h: Harness, token: string | null): Promise<Status> {
  const r = await rpc(h.url, token, 'auth.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Status;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('listing profiles', () => {
  it('the host on 127.0.0.1 lists no profile by default, to anonymous or signed-in callers', async () => {
    h = await openHost();
    const { token } = await h.user('private@example.com');
    expect((await statusOf(h, null)).profiles).toBeNull();
    expect((await statusOf(h, token)).profiles).toBeNull(); // registration is open: a session proves nothing
    // The rest of the status still works for the picker.
    expect(await rpc(h.url, null, 'auth.status', {})).toMatchObject({ ok: true, value: { autoSignIn: false, user: null } });
  });

  it('lists them on loopback when told to (listProfiles)', async () => {
    h = await openHost({}, { listProfiles: true });
    await h.user('listed@example.com');
    expect((await statusOf(h, null)).profiles?.map((p) => p.email)).toEqual(['default_user@example.com', 'listed@example.com']);
  });

  it('the in-process binding (the desktop app’s IPC) lists them', async () => {
    const t = await openTestCore();
    try {
      await t.user('desk@example.com');
      expect((await t.call(null, 'auth.status')).profiles?.map((p) => p.email)).toEqual(['default_user@example.com', 'desk@example.com']);
    } finally {
      await t.close();
    }
  });

  // "Another address" is any bind address but 127.0.0.1, ::1 and localhost. 127.0.0.2 is one
  // such address that still keeps every packet of this test on the loopback interface.
  it('never lists them when bound to another address, even when told to', async () => {
    h = await openHost({}, { host: '127.0.0.2', listProfiles: true });
    expect(h.url).toContain('127.0.0.2');
    await h.user('remote@example.com');
    expect((await statusOf(h, null)).profiles).toBeNull();
  });
});
