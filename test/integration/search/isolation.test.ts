/**
 * Isolation with unique sentinel strings: each user's searches return their own sentinels and
 * never another's; a grant makes exactly the granted dataset's sentinels appear; a revoke makes
 * them vanish — also while other users delete and re-create datasets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

const USERS = 10;
const sentinel = (u: number, d: string) => `zq${u}x${d}sentinel`;
// Ten profiles' workers (six live at once) start and stop here; on a loaded 2-core machine that
// took longer than the suite's 60 s default, so these get room without asserting less.
const SLOW = 240_000;

describe('search isolation', () => {
  let t: TestCore;
  const users: { token: string; id: string; ds: string }[] = [];

  beforeAll(async () => {
    t = await openTestCore({ maxLiveWorkers: 6 });
    for (let u = 0; u < USERS; u++) {
      const who = await t.user(`iso${u}@example.com`);
      const ds = (await t.call(who.token, 'datasets.create', { name: 'private' })).id;
      await t.call(who.token, 'data.add', { datasetId: ds, texts: [`The archive of ${sentinel(u, 'a')} holds letters.`] });
      users.push({ ...who, ds });
    }
    await Promise.all(users.map((u) => t.call(u.token, 'cognify.run', { datasetIds: [u.ds], runInBackground: false })));
  }, SLOW);
  afterAll(async () => t.close());

  const found = async (token: string): Promise<string> => {
    const r = await t.call(token, 'search.run', { query: 'archive letters sentinel', searchType: 'CHUNKS_LEXICAL', topK: 50 });
    return r.results.flatMap((x) => x.hits.map((h) => h.text)).join(' ');
  };
  const sentinelsIn = (text: string) => [...text.matchAll(/zq(\d+)x(\w)sentinel/g)].map((m) => `${m[1]}${m[2]}`).sort();

  it('every user finds exactly their own sentinels', async () => {
    for (let u = 0; u < USERS; u++) expect(sentinelsIn(await found(users[u]!.token))).toEqual([`${u}a`]);
  }, SLOW);

  it('a grant adds exactly the granted dataset; a revoke removes it', async () => {
    const [a, b] = [users[0]!, users[1]!];
    await t.call(b.token, 'sharing.grant', { datasetId: b.ds, principalId: a.id, permissions: ['read'] });
    expect(sentinelsIn(await found(a.token))).toEqual(['0a', '1a']);
    expect(sentinelsIn(await found(users[2]!.token))).toEqual(['2a']);
    await t.call(b.token, 'sharing.revoke', { datasetId: b.ds, principalId: a.id, permissions: ['read'] });
    expect(sentinelsIn(await found(a.token))).toEqual(['0a']);
  }, SLOW);

  it('naming a foreign dataset denies the whole call without saying whether it exists', async () => {
    const a = users[0]!;
    const foreign = await t.core.call({ token: a.token }, 'search.run', { query: 'x', datasetIds: [a.ds, users[3]!.ds] });
    const unknown = await t.core.call({ token: a.token }, 'search.run', { query: 'x', datasetIds: [a.ds, '99999999-9999-4999-8999-999999999999'] });
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  }, SLOW);

  it('stays isolated while others delete and re-create datasets under the same name', async () => {
    const churn = async (u: number) => {
      const who = users[u]!;
      await t.call(who.token, 'datasets.delete', { datasetId: who.ds });
      who.ds = (await t.call(who.token, 'datasets.create', { name: 'private' })).id;
      await t.call(who.token, 'data.add', { datasetId: who.ds, texts: [`The archive of ${sentinel(u, 'b')} holds letters.`] });
      await t.call(who.token, 'cognify.run', { datasetIds: [who.ds], runInBackground: false });
    };
    const checks = async () => {
      for (let u = 0; u < 3; u++) {
        const s = sentinelsIn(await found(users[u]!.token));
        expect(s.every((x) => x.startsWith(String(u)))).toBe(true);
      }
    };
    await Promise.all([churn(5), churn(6), checks(), churn(7), checks()]);
    for (let u = 5; u <= 7; u++) expect(sentinelsIn(await found(users[u]!.token))).toEqual([`${u}b`]);
    for (let u = 0; u < 3; u++) expect(sentinelsIn(await found(users[u]!.token))).toEqual([`${u}a`]);
  }, SLOW);
});
