/**
 * Every search type name Cognee has (cognee/modules/search/types/SearchType.py at a8f9760),
 * over POST /api/v1/search with no LLM configured (issue 19, item 6): the offline ones answer,
 * TEMPORAL and FEELING_LUCKY run offline, and the LLM-bound ones fail exactly as Cognee does
 * without an LLM (422 LLMAPIKeyNotSetError through its global handler).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COGNEE_SEARCH_TYPES } from '../../../electron/host/api-v1/search-types';
import { querySpan } from '../../../electron/host/api-v1/temporal';
import { addForm, openHost } from './harness';
import type { Harness } from './harness';

const NO_LLM = { detail: 'LLM API key is not set. [LLMAPIKeyNotSetError]' };
/** Types Cognee answers with its LLM; without one, 422 (only_context cannot help NATURAL_LANGUAGE: its context is LLM-written Cypher). */
const LLM_BOUND = [
  'RAG_COMPLETION',
  'HYBRID_COMPLETION',
  'TRIPLET_COMPLETION',
  'GRAPH_COMPLETION',
  'GRAPH_COMPLETION_DECOMPOSITION',
  'GRAPH_SUMMARY_COMPLETION',
  'NATURAL_LANGUAGE',
  'GRAPH_COMPLETION_COT',
  'GRAPH_COMPLETION_CONTEXT_EXTENSION',
];

type Result = { search_result: unknown; dataset_id: string; dataset_name: string };
type Hit = { text: string };

describe('Cognee’s search type names over /api/v1/search', () => {
  let h: Harness;
  let token: string;
  let ds: string;
  const search = (body: Record<string, unknown>) => h.post('/api/v1/search', { dataset_ids: [ds], ...body }, token);
  const texts = async (r: Response) => {
    expect(r.status).toBe(200);
    const results = (await r.json()) as Result[];
    return results.flatMap((x) => (x.search_result as Hit[]).map((hit) => hit.text)).join('\n');
  };

  beforeAll(async () => {
    h = await openHost({}, { signInPerMinute: 1000 });
    token = (await h.user('types@example.com')).token;
    const add = await h.post(
      '/api/v1/add',
      addForm({ datasetName: 'history' }, [
        { name: 'apollo.txt', text: 'Apollo 11 landed on the Moon on 20 July 1969. Neil Armstrong walked on the lunar surface.' },
        { name: 'berlin.txt', text: 'The Berlin Wall fell in November 1989 and the city of Berlin was reunited.' },
        { name: 'curie.txt', text: 'Marie Curie won the Nobel Prize in Physics in 1903 and the Nobel Prize in Chemistry in 1911.' },
      ]),
      token,
    );
    ds = (await add.json()).dataset_id;
    expect((await h.post('/api/v1/cognify', { datasets: ['history'] }, token)).status).toBe(200);
  });
  afterAll(async () => h.close());

  it('accepts every one of Cognee’s names: none is refused as an invalid value', async () => {
    expect(COGNEE_SEARCH_TYPES).toHaveLength(19);
    for (const type of COGNEE_SEARCH_TYPES) {
      const r = await search({ query: type === 'CYPHER' ? 'MATCH (n) RETURN count(n) AS c' : 'Berlin Wall', search_type: type });
      const body = await r.json();
      const invalidValue = r.status === 400 && Array.isArray(body.detail) && body.detail.some((d: { loc: string[] }) => d.loc.includes('searchType'));
      expect([type, invalidValue]).toEqual([type, false]);
      expect([type, r.status < 500]).toEqual([type, true]);
    }
  });

  it('answers the LLM-bound types as Cognee does without an LLM: 422 LLMAPIKeyNotSetError', async () => {
    for (const type of LLM_BOUND) {
      const r = await search({ query: 'Who walked on the Moon?', search_type: type });
      expect([type, r.status, await r.json()]).toEqual([type, 422, NO_LLM]);
    }
    // AGENTIC_COMPLETION checks its scope first (exactly one explicit dataset), then needs the LLM too.
    const agentic = await search({ query: 'Who walked on the Moon?', search_type: 'AGENTIC_COMPLETION' });
    expect([agentic.status, await agentic.json()]).toEqual([422, NO_LLM]);
    const wide = await h.post('/api/v1/search', { query: 'x', search_type: 'AGENTIC_COMPLETION' }, token);
    expect([wide.status, await wide.json()]).toEqual([422, { detail: 'Agentic skill search requires exactly one explicit dataset. [InvalidAgenticDatasetScope]' }]);
    const skills = await search({ query: 'x', search_type: 'CHUNKS', skills: ['summarise'] });
    expect([skills.status, await skills.json()]).toEqual([422, { detail: 'skills/tools require query_type=SearchType.AGENTIC_COMPLETION. [InvalidAgenticSearchConfig]' }]);
  });

  it('only_context gives the graph-completion variants their context without an LLM', async () => {
    for (const type of ['GRAPH_COMPLETION', 'GRAPH_COMPLETION_COT', 'TRIPLET_COMPLETION', 'GRAPH_SUMMARY_COMPLETION']) {
      const r = await search({ query: 'Berlin Wall', search_type: type, only_context: true });
      expect([type, r.status]).toEqual([type, 200]);
      expect([type, typeof ((await r.json()) as Result[])[0]!.search_result]).toEqual([type, 'string']);
    }
  });

  it('runs the offline types: passages, summaries, Cypher rows, the graph report', async () => {
    expect(await texts(await search({ query: 'Berlin Wall', search_type: 'CHUNKS_LEXICAL' }))).toContain('Berlin Wall fell');
    expect(await texts(await search({ query: 'Berlin Wall', search_type: 'CHUNKS' }))).toContain('Berlin');
    expect((await search({ query: 'Berlin', search_type: 'SUMMARIES' })).status).toBe(200);
    const cypher = (await (await search({ query: 'MATCH (n) RETURN count(n) AS c', search_type: 'CYPHER' })).json()) as Result[];
    expect((cypher[0]!.search_result as { c: number }[])[0]!.c).toBeGreaterThan(0);
    const report = (await (await search({ query: 'x', search_type: 'GRAPH_REPORT' })).json()) as Result[];
    expect(report[0]!.search_result).toHaveProperty('countsByType');
    // Kenning stores no coding rules: Cognee's answer for a dataset without them, an empty list.
    const rules = await search({ query: 'naming conventions', search_type: 'CODING_RULES' });
    expect([rules.status, await rules.json()]).toEqual([200, [{ search_result: [], dataset_id: ds, dataset_name: 'history' }]]);
    // top_k: Cognee refuses 0 or less (QueryValidationError) and sets no ceiling; Kenning caps at the core's 100.
    const zero = await search({ query: 'Berlin', search_type: 'CHUNKS', top_k: 0 });
    expect([zero.status, await zero.json()]).toEqual([422, { detail: 'top_k must be a positive integer. [QueryValidationError]' }]);
    expect((await search({ query: 'Berlin', search_type: 'CHUNKS', top_k: 500 })).status).toBe(200);
    const code = await search({ query: 'parse_file', search_type: 'CODE' });
    expect(code.status).toBe(400);
    expect((await code.json()).detail).toMatch(/^Unsupported search type: CODE .*\[UnsupportedSearchTypeError\]$/);
  });

  it('TEMPORAL keeps the passages that mention a date inside the span the query names', async () => {
    const in1969 = await texts(await search({ query: 'What happened in 1969?', search_type: 'TEMPORAL' }));
    expect(in1969).toContain('Apollo 11');
    expect(in1969).not.toContain('Berlin');
    expect(in1969).not.toContain('Curie');
    const early = await texts(await search({ query: 'Nobel prizes between 1900 and 1915', search_type: 'TEMPORAL' }));
    expect(early).toContain('Marie Curie');
    expect(early).not.toContain('Apollo');
    const late = await texts(await search({ query: 'What happened after 1980?', search_type: 'TEMPORAL' }));
    expect(late).toContain('Berlin Wall');
    expect(late).not.toContain('Apollo');
    expect(late).not.toContain('Curie');
    const month = await texts(await search({ query: 'events of July 1969', search_type: 'TEMPORAL' }));
    expect(month).toContain('Apollo 11');
    expect(month).not.toContain('Berlin');
    // No time in the query: Cognee falls back to a search without a time filter, so does Kenning.
    expect(await texts(await search({ query: 'Berlin Wall', search_type: 'TEMPORAL' }))).toContain('Berlin Wall');
  });

  it('reads spans from the query’s words', () => {
    const y = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7) || 1) - 1, Number(s.slice(8, 10) || 1));
    expect(querySpan('in 1969')).toEqual({ from: y('1969'), to: y('1970') });
    expect(querySpan('before 1950')).toEqual({ from: -Infinity, to: y('1950') });
    expect(querySpan('since the 1990s')).toEqual({ from: y('1990'), to: Infinity });
    expect(querySpan('from 2001-09-11 to 2003')).toEqual({ from: y('2001-09-11'), to: y('2004') });
    expect(querySpan('on 20 July 1969')).toEqual({ from: y('1969-07-20'), to: y('1969-07-21') });
    expect(querySpan('Who walked on the Moon?')).toBeNull();
  });

  it('FEELING_LUCKY picks a type offline by the query’s form', async () => {
    const dated = await texts(await search({ query: 'What happened in 1969?', search_type: 'FEELING_LUCKY' }));
    expect(dated).toContain('Apollo 11');
    expect(dated).not.toContain('Berlin');
    const overview = (await (await search({ query: 'Give me an overview of the main topics', search_type: 'FEELING_LUCKY' })).json()) as Result[];
    expect(overview[0]!.search_result).toHaveProperty('countsByType');
    const cypher = (await (await search({ query: 'MATCH (n) RETURN count(n) AS c', search_type: 'FEELING_LUCKY' })).json()) as Result[];
    expect((cypher[0]!.search_result as { c: number }[])[0]!.c).toBeGreaterThan(0);
    // A question with no LLM configured: passages, not Cognee's RAG_COMPLETION fallback (which would need the LLM).
    expect(await texts(await search({ query: 'Who walked on the lunar surface?', search_type: 'FEELING_LUCKY' }))).toContain('Armstrong');
  });
});
