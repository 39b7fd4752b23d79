/**
 * The dataset a call acts on comes from its contract entry's `datasets` rule (issue 13), not
 * from the dispatcher knowing procedure names. These pin the name and default paths the
 * permission matrix does not reach: add by own name (created when missing, never reaching
 * another's dataset of that name), cognify's main_dataset default and empty name list, and
 * the owner-only check. Real core, real SQLite; no worker is needed for any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

const DENIED = (need: string) => `Request owner does not have necessary permission: [${need}] for all datasets requested.`;

describe('dataset sources declared in the contract', () => {
  let t: TestCore;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };

  const failure = async (token: string, name: Parameters<TestCore['call']>[1], input: unknown) => {
    const e = await t.call(token, name, input).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, message: (e as AppError).message };
  };

  beforeAll(async () => {
    t = await openTestCore();
    alice = await t.user('alice@example.com');
    bob = await t.user('bob@example.com');
  });
  afterAll(async () => t.close());

  it('data.add without a dataset uses the caller’s main_dataset, creating it once', async () => {
    const first = await t.call(alice.token, 'data.add', { texts: ['one'] });
    expect(first.datasetName).toBe('main_dataset');
    const second = await t.call(alice.token, 'data.add', { texts: ['two'] });
    expect(second.datasetId).toBe(first.datasetId);
    const own = (await t.call(alice.token, 'datasets.list')).filter((d) => d.name === 'main_dataset');
    expect(own.map((d) => d.id)).toEqual([first.datasetId]);
  });

  it('a name reaches only the caller’s own datasets: a shared one of that name is not used, a new own one is made', async () => {
    const shared = await t.call(alice.token, 'datasets.create', { name: 'team-notes' });
    await t.call(alice.token, 'sharing.grant', { datasetId: shared.id, principalId: bob.id, permissions: ['read', 'write'] });
    const r = await t.call(bob.token, 'data.add', { datasetName: 'team-notes', texts: ['bob writes'] });
    expect(r.datasetId).not.toBe(shared.id);
    expect((await t.call(bob.token, 'datasets.get', { datasetId: r.datasetId })).ownerId).toBe(bob.id);
    // By id it reaches the shared one.
    expect((await t.call(bob.token, 'data.add', { datasetId: shared.id, texts: ['by id'] })).datasetId).toBe(shared.id);
  });

  it('cognify.run: no names means main_dataset (denied, not created, when missing); an empty list means none; a missing name is denied', async () => {
    const carol = await t.user('carol@example.com');
    expect(await failure(carol.token, 'cognify.run', {})).toEqual({ code: 'permission_denied', message: DENIED('write') });
    expect(await failure(carol.token, 'cognify.run', { datasetNames: ['nope'] })).toEqual({ code: 'permission_denied', message: DENIED('write') });
    expect(await t.call(carol.token, 'datasets.list')).toEqual([]); // nothing was created
    expect(await t.call(carol.token, 'cognify.run', { datasetNames: [] })).toEqual([]);
  });

  it('datasets.rename is the owner’s: full grants are not enough, and an unknown id is denied like any other', async () => {
    const d = await t.call(alice.token, 'datasets.create', { name: 'alice-only' });
    await t.call(alice.token, 'sharing.grant', { datasetId: d.id, principalId: bob.id, permissions: ['read', 'write', 'delete', 'share'] });
    expect(await failure(bob.token, 'datasets.rename', { datasetId: d.id, name: 'mine now' })).toEqual({
      code: 'permission_denied',
      message: 'Only the dataset owner can do this',
    });
    expect(await failure(bob.token, 'datasets.rename', { datasetId: '3f1c2b8e-0000-4000-8000-000000000000', name: 'x' })).toEqual({
      code: 'permission_denied',
      message: DENIED('read'),
    });
    expect((await t.call(alice.token, 'datasets.rename', { datasetId: d.id, name: 'renamed' })).name).toBe('renamed');
  });
});
