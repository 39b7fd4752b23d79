/**
 * Cancel then resume (issue 17, item 2): a cancelled run leaves its unprocessed items pending,
 * and the dataset then says `cancelled` (not "waiting to be processed", which read as if work
 * were still coming); cognify.run on it processes exactly what is left and the status clears.
 * The run is held on the dataset's write turn in the real queue, so the cancel lands before any
 * item was written, without sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { CURIE, DARWIN, file } from '../../helpers/corpus';
import { nextRunFinished } from '../../helpers/events';
import { holdWrites } from '../../helpers/hold-writes';

describe('cancel, then resume', () => {
  let t: TestCore;
  let token: string;

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('resume@example.com')).token;
  });
  afterAll(async () => t.close());

  it('a cancelled dataset says cancelled with its pending count; cognify.run processes the rest and it is completed', async () => {
    const ds = (await t.call(token, 'datasets.create', { name: 'resume-me' })).id;
    await t.call(token, 'data.add', { datasetId: ds, files: [file('curie.txt', CURIE), file('darwin.txt', DARWIN)] });
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });

    await t.call(token, 'data.add', { datasetId: ds, files: ['one', 'two', 'three'].map((n) => file(`${n}.txt`, `${CURIE}\nCopy ${n}.`)) });
    const hold = await holdWrites(t.core, ds);
    const finished = nextRunFinished(t.core, token, ds);
    await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: true });
    await t.call(token, 'cognify.cancel', { datasetId: ds });
    await hold.release();
    expect(await finished).toMatchObject({ status: 'cancelled', itemsDone: 0 });

    const [st] = await t.call(token, 'datasets.status', { datasetIds: [ds] });
    expect(st).toMatchObject({ status: 'cancelled', counts: { pending: 3, processing: 0, completed: 2, errored: 0 } });
    expect((await t.call(token, 'datasets.get', { datasetId: ds })).status).toBe('cancelled');

    const [rest] = await t.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(rest).toMatchObject({ status: 'completed', itemsDone: 3, itemsFailed: 0 });
    expect((await t.call(token, 'datasets.get', { datasetId: ds })).status).toBe('completed');
    expect((await t.call(token, 'graph.counts', { datasetId: ds })).Document).toBe(5);
  });
});
