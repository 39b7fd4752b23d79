/**
 * Every procedure, fed malformed, oversized and type-confused input, answers with a coded
 * error (invalid_input naming a field, or an auth error) — never a crash or `internal`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROCEDURE_NAMES } from '../../../shared/contract/procedures';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

const HOSTILE: unknown[] = [
  null,
  42,
  'string',
  [],
  [1, 2, 3],
  { datasetId: '../../etc/passwd' },
  { datasetId: '/absolute/path' },
  { datasetId: 'a\u0000b' },
  { datasetId: 12345 },
  { datasetIds: 'not-an-array' },
  { name: 'x'.repeat(100_000) },
  { name: '' },
  { email: 'not-an-email', password: 'x' },
  { query: '' },
  { query: 'q'.repeat(1_000_001) },
  { searchType: 'NOT_A_TYPE', query: 'x' },
  { topK: -1, query: 'x' },
  { topK: 1e9, query: 'x' },
  { files: [{ name: 'a.txt', bytes: 'not bytes' }] },
  { permissions: ['root'], datasetId: '11111111-2222-4333-8444-555555555555', principalId: '11111111-2222-4333-8444-555555555555' },
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  { unexpected: 'field' },
  { depth: 99, datasetId: '11111111-2222-4333-8444-555555555555', nodeId: 'x' },
];

describe('malformed input', () => {
  let t: TestCore;
  let token: string;
  beforeAll(async () => {
    t = await openTestCore();
    token = (await t.user('fuzz@example.com')).token;
  });
  afterAll(async () => t.close());

  it('every procedure × hostile input gives a clear coded error', async () => {
    const bad: string[] = [];
    let tried = 0;
    for (const name of PROCEDURE_NAMES) {
      for (const input of HOSTILE) {
        for (const tok of [token, null]) {
          const r = await t.core.call({ token: tok }, name, input);
          tried++;
          if (r.ok) continue; // some inputs are valid for some procedures (e.g. {} for list calls)
          if (r.error.code === 'internal') bad.push(`${name} ${JSON.stringify(input)?.slice(0, 80)} → internal: ${r.error.message}`);
          if (r.error.code === 'invalid_input' && !/: /.test(r.error.message)) bad.push(`${name}: invalid_input without a field: ${r.error.message}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`malformed input: ${tried} calls over ${PROCEDURE_NAMES.length} procedures, 0 crashes`);
  });

  it('an unknown procedure name is invalid_input, not a crash', async () => {
    const r = await t.core.call({ token }, 'constructor' as never, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const r2 = await t.core.call({ token }, '__proto__' as never, {});
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('names the offending field', async () => {
    const r = await t.core.call({ token }, 'datasets.get', { datasetId: 'nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { field: 'datasetId' } } });
  });
});
