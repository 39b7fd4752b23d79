/**
 * Issue 12, part 3: deduplication must not hand a grantee another dataset's catalog row. The
 * owner keeps "secret-plans.txt" in a private dataset; a grantee uploads the same bytes into a
 * shared dataset and must get a new row of its own — not the private id, name or date, in the
 * add result, the data list, or search citations. Raw bytes stay stored once, and a raw file
 * is removed only when the last row referencing it goes.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { file } from '../../helpers/corpus';

const BYTES = 'Plans for the Vantablue harbour: dredge the north basin in March, then move the cranes to pier nine.';

describe('deduplication stays inside a dataset', () => {
  let t: TestCore;
  let owner: { token: string; id: string };
  let grantee: { token: string; id: string };
  let privateDs: string;
  let shared: string;
  let privateItem: { id: string; name: string; createdAt: string };

  beforeAll(async () => {
    t = await openTestCore();
    owner = await t.user('owner@example.com');
    grantee = await t.user('grantee@example.com');
    privateDs = (await t.call(owner.token, 'datasets.create', { name: 'private' })).id;
    await t.call(owner.token, 'data.add', { datasetId: privateDs, files: [file('secret-plans.txt', BYTES)] });
    privateItem = (await t.call(owner.token, 'datasets.data', { datasetId: privateDs }))[0]!;
    shared = (await t.call(owner.token, 'datasets.create', { name: 'shared' })).id;
    await t.call(owner.token, 'sharing.grant', { datasetId: shared, principalId: grantee.id, permissions: ['read', 'write'] });
    await new Promise((r) => setTimeout(r, 5)); // so a reused row's date would differ from a fresh one's
  });
  afterAll(async () => t.close());

  /** Fails if anything of the owner's private row shows in `answer`. */
  const expectNoPrivateRow = (answer: unknown): void => {
    const json = JSON.stringify(answer);
    expect(json).not.toContain(privateItem.id);
    expect(json).not.toContain('secret-plans');
    expect(json).not.toContain(privateItem.createdAt);
  };

  it("a grantee uploading the owner's private bytes gets a new row of its own and sees nothing of the private one", async () => {
    const added = await t.call(grantee.token, 'data.add', { datasetId: shared, files: [file('b.txt', BYTES)] });
    expect(added.items).toEqual([expect.objectContaining({ name: 'b.txt', status: 'added' })]);
    const newId = added.items[0]!.dataId!;
    expect(newId).not.toBe(privateItem.id);
    expectNoPrivateRow(added);

    const listed = await t.call(grantee.token, 'datasets.data', { datasetId: shared });
    expect(listed).toEqual([expect.objectContaining({ id: newId, name: 'b.txt', ownerId: grantee.id })]);
    expectNoPrivateRow(listed);

    await t.call(grantee.token, 'cognify.run', { datasetIds: [shared], runInBackground: false });
    for (const searchType of ['CHUNKS', 'CHUNKS_LEXICAL', 'SUMMARIES'] as const) {
      const found = await t.call(grantee.token, 'search.run', { query: 'Vantablue harbour cranes', searchType });
      const citations = found.results.flatMap((r) => r.hits.flatMap((h) => (h.citation ? [h.citation] : [])));
      expect(citations.length, searchType).toBeGreaterThan(0);
      expect(citations.every((c) => c.dataId === newId && c.dataName === 'b.txt'), searchType).toBe(true);
      expectNoPrivateRow(found);
    }
    const text = await t.call(grantee.token, 'data.text', { datasetId: shared, dataId: newId });
    expect(text).toMatchObject({ dataId: newId, name: 'b.txt' });
    expect(await t.code(grantee.token, 'data.text', { datasetId: shared, dataId: privateItem.id })).toBe('not_found');

    // The owner's private row is untouched.
    expect(await t.call(owner.token, 'datasets.data', { datasetId: privateDs })).toEqual([expect.objectContaining({ id: privateItem.id, name: 'secret-plans.txt', createdAt: privateItem.createdAt })]);
  });

  it('a duplicate is reported only within the same dataset, with that dataset’s own row', async () => {
    const again = await t.call(grantee.token, 'data.add', { datasetId: shared, files: [file('b-again.txt', BYTES)] });
    const inShared = (await t.call(grantee.token, 'datasets.data', { datasetId: shared }))[0]!;
    expect(again.items[0]).toMatchObject({ status: 'duplicate', dataId: inShared.id });
    expectNoPrivateRow(again);
    // the owner's own datasets are separate catalogs too: a second private dataset gets its own row and name
    const other = (await t.call(owner.token, 'datasets.create', { name: 'other' })).id;
    const added = await t.call(owner.token, 'data.add', { datasetId: other, files: [file('public.txt', BYTES)] });
    expect(added.items[0]).toMatchObject({ status: 'added', name: 'public.txt' });
    expect([privateItem.id, inShared.id]).not.toContain(added.items[0]!.dataId);
    expect((await t.call(owner.token, 'datasets.data', { datasetId: other })).map((d) => d.name)).toEqual(['public.txt']);
  });

  it('the raw bytes are stored once, and removed only with the last row that references them', async () => {
    const folder = path.join(t.home, 'data_storage', owner.id);
    const raw = fs.readdirSync(folder);
    expect(raw).toHaveLength(1); // three rows (private, shared, other), one file
    const rawFile = path.join(folder, raw[0]!);
    const other = (await t.call(owner.token, 'datasets.list')).find((d) => d.name === 'other')!.id;
    const inShared = (await t.call(grantee.token, 'datasets.data', { datasetId: shared }))[0]!;

    await t.call(owner.token, 'data.delete', { datasetId: shared, dataId: inShared.id });
    expect(fs.existsSync(rawFile)).toBe(true);
    await t.call(owner.token, 'datasets.delete', { datasetId: other });
    expect(fs.existsSync(rawFile)).toBe(true);
    // the private item is intact and still processable from its raw file
    const [run] = await t.call(owner.token, 'cognify.run', { datasetIds: [privateDs], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsDone: 1, itemsFailed: 0 });
    await t.call(owner.token, 'data.delete', { datasetId: privateDs, dataId: privateItem.id });
    expect(fs.existsSync(rawFile)).toBe(false);
  });
});
