/**
 * One ranking across datasets (issue 17, item 4), through the real core and workers. Each
 * dataset's first hit used to get the same credit (reciprocal rank of the per-dataset lists),
 * so a dataset of unrelated text took every other place of the merged list, and which came
 * first went by dataset id. Now hits are merged by score: the two relevant passages of "Zebra
 * speeches" lead, with the query's words they contain, before anything of "Aardvark manual".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { file } from '../../helpers/corpus';

const GNUPG = 'Use gpg --gen-key to create a new key pair, and gpg --list-keys to show the keys in the public keyring. Users sign their messages with gpg --clearsign.';
const GNUPG_2 = 'Export the public key with gpg --export and send it to the people who encrypt files for you. The option --armor writes ASCII output.';
const SPEECH_1 = 'Now we are engaged in a great civil war, testing whether that nation can long endure. We are met on a great battle-field of that war.';
const SPEECH_2 = 'The civil war ended in 1865; the Union had won the war, and the nation began to rebuild.';

describe('search across datasets: one ranking by relevance', () => {
  let t: TestCore;
  let token: string;

  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('ranking@example.com')).token;
    const ids: string[] = [];
    for (const [name, files] of [
      ['Aardvark manual', [file('keys.txt', GNUPG), file('export.txt', GNUPG_2)]],
      ['Zebra speeches', [file('gettysburg.txt', SPEECH_1), file('reconstruction.txt', SPEECH_2)]],
    ] as const) {
      const id = (await t.call(token, 'datasets.create', { name })).id;
      await t.call(token, 'data.add', { datasetId: id, files: [...files] });
      ids.push(id);
    }
    await t.call(token, 'cognify.run', { datasetIds: ids, runInBackground: false });
  }, 180_000);
  afterAll(async () => t.close());

  it('puts the relevant dataset’s passages first, each with its dataset and matched words', async () => {
    const r = await t.call(token, 'search.run', { query: 'civil war' });
    expect(r.results.map((x) => x.datasetName).sort()).toEqual(['Aardvark manual', 'Zebra speeches']);
    expect(r.merged.slice(0, 2).map((h) => h.datasetName)).toEqual(['Zebra speeches', 'Zebra speeches']);
    expect(r.merged.slice(0, 2).map((h) => h.matchedTerms)).toEqual([['civil', 'war'], ['civil', 'war']]);
    expect(r.merged.some((h) => h.datasetName === 'Aardvark manual')).toBe(true);
    // Best first, on one scale.
    const scores = r.merged.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('refuses Cypher over several datasets in plain words', async () => {
    await expect(t.call(token, 'search.run', { query: 'MATCH (n:Node) RETURN count(*) AS c', searchType: 'CYPHER' })).rejects.toThrow(/one dataset at a time: choose the one dataset to query/);
  });
});
