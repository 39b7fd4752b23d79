/** Dataset deletion: rows go first, files after; leftovers of a crash in between are swept at start. */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { Core } from '../../../electron/core/core';
import { silentLog } from '../../../electron/core/log';
import { nodeCoreOptions } from '../../../electron/core/node-core';
import { rawDbForTests } from '../../../electron/core/store';
import { openTestCore } from '../../helpers/core';
import { CURIE, file } from '../../helpers/corpus';

// Each test starts cores and dataset workers; on a loaded 2-core machine that passed the suite's
// 60 s default, so they get room without asserting less.
const SLOW = 180_000;

describe('dataset deletion', () => {
  it('a search racing a delete of one of its datasets never fails with an internal error', async () => {
    const t = await openTestCore();
    try {
      const { token } = await t.user('race@example.com');
      const ids: string[] = [];
      for (const name of ['a', 'b', 'c']) {
        const id = (await t.call(token, 'datasets.create', { name })).id;
        await t.call(token, 'data.add', { datasetId: id, files: [file(`${name}.txt`, `${CURIE} ${name}`)] });
        ids.push(id);
      }
      await t.call(token, 'cognify.run', { datasetIds: ids, runInBackground: false });
      const codes: string[] = [];
      const searches = Array.from({ length: 12 }, () => t.code(token, 'search.run', { query: 'radium' }).then((c) => codes.push(c)));
      await Promise.all([...searches, t.call(token, 'datasets.delete', { datasetId: ids[1]! })]);
      expect(codes.filter((c) => c !== 'ok')).toEqual([]);
      const after = await t.call(token, 'search.run', { query: 'radium' });
      expect(after.results.map((r) => r.datasetId).sort()).toEqual([ids[0], ids[2]].sort());
    } finally {
      await t.close();
    }
  }, SLOW);

  it('engine files left by a crash between the row delete and the file delete are removed at the next start', async () => {
    const t = await openTestCore();
    const { token, id: owner } = await t.user('sweep@example.com');
    const keep = (await t.call(token, 'datasets.create', { name: 'keep' })).id;
    const gone = (await t.call(token, 'datasets.create', { name: 'gone' })).id;
    for (const id of [keep, gone]) await t.call(token, 'data.add', { datasetId: id, texts: [`text for ${id}`] });
    await t.call(token, 'cognify.run', { datasetIds: [keep, gone], runInBackground: false });
    const home = t.home;
    const dir = path.join(home, 'databases', owner);
    // Simulate the crash: the rows are gone but the files stayed.
    rawDbForTests(t.core.services.store).prepare('DELETE FROM datasets WHERE id = ?').run(gone);
    await t.core.close();
    expect(fs.readdirSync(dir).some((n) => n.startsWith(gone))).toBe(true);
    const core = await Core.open(nodeCoreOptions({ home, log: silentLog }));
    try {
      expect(fs.readdirSync(dir).some((n) => n.startsWith(gone))).toBe(false);
      expect(fs.readdirSync(dir).some((n) => n.startsWith(keep))).toBe(true);
      const signedIn = await core.call({ token: null }, 'auth.signIn', { email: 'sweep@example.com', password: 'password-123' });
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      const r = await core.call({ token: signedIn.value.token }, 'search.run', { query: 'text', searchType: 'CHUNKS_LEXICAL' });
      expect(r.ok && r.value.results.map((x) => x.datasetId)).toEqual([keep]);
    } finally {
      await core.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, SLOW);
});
