/**
 * Search results in order of relevance (issue 17, item 4), in headless Chromium against the
 * real host and engines. Two datasets whose names sort the wrong way: "Aardvark manual" (GnuPG
 * commands, nothing about a war) and "Zebra speeches" (the Gettysburg Address). The results used
 * to be grouped per dataset in alphabetical order, so a question about the civil war opened on
 * GnuPG; "the" was marked, also inside "their"; facts were bare `a co_occurs_with b` strings,
 * the graph report raw JSON, and Cypher failed with internal-looking messages.
 * The steps run in order on one signed-in page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const EMAIL = 'ranking@example.com';
const PASSWORD = 'password-123';
const STEP = 180_000;

const AARDVARK = [
  'GnuPG commands. Use gpg --gen-key to create a new key pair, and gpg --list-keys to show the keys in the public keyring.',
  'Users sign their messages with gpg --clearsign and check them with gpg --verify. The option --armor writes the output as ASCII text.',
  'Export the public key with gpg --export and send it to the people who encrypt files for you.',
].join('\n\n');

const ZEBRA = [
  'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.',
  'Now we are engaged in a great civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We are met on a great battle-field of that war.',
  'We have come to dedicate a portion of that field, as a final resting place for those who here gave their lives that that nation might live.',
  'Abraham Lincoln delivered the address at Gettysburg in Pennsylvania. The Union Army under George Meade defeated Robert E. Lee at Gettysburg.',
].join('\n\n');

describe('search: one ranked list, readable facts, report tables, Cypher with a schema', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  const chooseType = async (type: string) => {
    await app.page.keyboard.press('Control+K');
    await app.byTestId('search-page').waitFor();
    await app.byTestId('search-type').selectOption(type);
  };

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-ranking-', { signInPerMinute: 1000 });
    const { core } = e2e.host;
    let token: string | null = null;
    const call = async <T,>(name: string, input: unknown): Promise<T> => {
      const r = await core.call({ token }, name as never, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    };
    await call('auth.register', { email: EMAIL, password: PASSWORD });
    token = (await call<{ token: string }>('auth.signIn', { email: EMAIL, password: PASSWORD })).token;
    const enc = new TextEncoder();
    const ids: string[] = [];
    for (const [name, file, text] of [
      ['Aardvark manual', 'gnupg-commands.txt', AARDVARK],
      ['Zebra speeches', 'gettysburg-address.txt', ZEBRA],
    ] as const) {
      const id = (await call<{ id: string }>('datasets.create', { name })).id;
      await call('data.add', { datasetId: id, files: [{ name: file, bytes: enc.encode(text) }] });
      ids.push(id);
    }
    await call('cognify.run', { datasetIds: ids, runInBackground: false });
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'ranking');
    await app.signIn(EMAIL, PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('ranks across datasets: the relevant hit from "Zebra speeches" comes first, with its dataset and a score', async () => {
    await app.search('the civil war');
    const hits = app.byTestId('search-hit');
    await hits.first().waitFor();
    const first = hits.first();
    expect(await first.getAttribute('data-dataset')).toBe('Zebra speeches');
    expect(await first.innerText()).toContain('civil war');
    expect(await first.getByTestId('hit-dataset').innerText()).toBe('Zebra speeches');
    expect(await first.getByTestId('hit-score').innerText()).toMatch(/^\d+\.\d+$/);
    expect(await first.getByTestId('hit-terms').innerText()).toMatch(/civil.*war|war.*civil/);
    // One list: both datasets' hits in it, not one section per dataset.
    expect(await app.byTestId('result-group').count()).toBe(0);
    const datasets = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-dataset')));
    expect(datasets).toContain('Aardvark manual');
    await app.screenshot('search-01-ranked');
  }, STEP);

  it('marks the query’s words as whole words only: never "the", never inside "their"', async () => {
    const marks = await app.page.locator('[data-testid="search-hit"] mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks.map((m) => m.toLowerCase()))).toEqual(new Set(['civil', 'war']));
    // The passage that says "gave their lives" is shown, and "their" is not split by a mark.
    const their = app.page.locator('[data-testid="search-hit"]', { hasText: 'gave their lives' });
    expect(await their.count()).toBeGreaterThan(0);
    expect(await their.first().locator('mark', { hasText: /^the$/i }).count()).toBe(0);
  }, STEP);

  it('groups by dataset as an option, the dataset with the best hit first', async () => {
    await app.byTestId('group-by-dataset').check();
    const groups = app.byTestId('result-group');
    await groups.first().waitFor();
    expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-dataset')))).toEqual(['Zebra speeches', 'Aardvark manual']);
    await app.byTestId('group-by-dataset').uncheck();
    await app.byTestId('ranked-hits').waitFor();
    expect(await app.byTestId('result-group').count()).toBe(0);
  }, STEP);

  it('shows facts (TRIPLET) as sentences with the passage they come from', async () => {
    await chooseType('TRIPLET');
    await app.byTestId('search-input').fill('Gettysburg Lincoln');
    await app.byTestId('search-submit').click();
    const sentence = app.byTestId('fact-sentence').first();
    await sentence.waitFor();
    const text = await sentence.innerText();
    expect(text).not.toMatch(/_/);
    expect(text).toMatch(/\.$/);
    const evidence = app.byTestId('fact-evidence').first();
    expect((await evidence.innerText()).length).toBeGreaterThan(20);
    await app.screenshot('search-02-facts');
    // The evidence link opens the document at the passage.
    await app.byTestId('open-evidence').first().click();
    const doc = app.byTestId('document-view');
    await doc.waitFor();
    expect(await doc.innerText()).toContain('gettysburg-address.txt');
    expect((await app.byTestId('document-passage').innerText()).length).toBeGreaterThan(20);
    await app.page.keyboard.press('Escape');
    await doc.waitFor({ state: 'detached' });
  }, STEP);

  it('shows the graph report as tables; an entity opens the graph on it', async () => {
    await chooseType('GRAPH_REPORT');
    await app.byTestId('search-input').fill('report');
    await app.byTestId('search-submit').click();
    const report = app.page.locator('[data-testid="graph-report"][data-dataset="Zebra speeches"]');
    await report.waitFor();
    expect(await report.getByTestId('report-hubs').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await report.getByTestId('report-counts').innerText()).toMatch(/Entity\s+\d+/);
    expect(await app.page.locator('pre.rows').count()).toBe(0); // no raw JSON
    await app.screenshot('search-03-graph-report');
    await report.getByTestId('report-entity').first().click();
    await app.page.locator('[data-testid="dataset-page"][data-dataset="Zebra speeches"]').waitFor();
    expect(await app.byTestId('search-page').count()).toBe(0);
  }, STEP);

  it('Cypher: across all datasets it asks for one before running; on one it shows the schema and runs an example into a table', async () => {
    await chooseType('CYPHER');
    const pick = app.byTestId('cypher-pick-dataset');
    await pick.waitFor();
    expect(await pick.innerText()).toMatch(/one dataset at a time/);
    expect(await app.byTestId('cypher-run').isDisabled()).toBe(true);
    await app.byTestId('cypher-dataset').selectOption({ label: 'Zebra speeches' });
    const schema = app.byTestId('cypher-schema');
    await schema.locator('[data-table="Rel"]').waitFor();
    expect(await schema.locator('[data-table="Node"]').innerText()).toMatch(/name\s+STRING/);
    expect(await schema.locator('[data-table="Rel"]').innerText()).toMatch(/relation\s+STRING/);
    expect(await app.byTestId('cypher-example').count()).toBeGreaterThanOrEqual(2);
    await app.byTestId('cypher-example').filter({ hasText: 'Counts by type' }).click();
    expect(await app.byTestId('cypher-editor').inputValue()).toMatch(/^MATCH \(n:Node\)/);
    await app.byTestId('cypher-run').click();
    const table = app.byTestId('cypher-rows');
    await table.waitFor();
    expect(await table.locator('th').allInnerTexts()).toEqual(['type', 'nodes']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    await app.screenshot('search-04-cypher');
  }, STEP);

  it('Cypher: a label used as a table gets the hint that the tables are Node and Rel', async () => {
    await app.byTestId('cypher-editor').fill('MATCH (e:Entity) RETURN e.name');
    await app.byTestId('cypher-run').click();
    const hint = app.byTestId('cypher-table-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('The tables are Node and Rel — see Schema');
    expect(await app.byTestId('search-error').innerText()).toMatch(/Table Entity does not exist/);
    await app.screenshot('search-05-cypher-hint');
    await app.page.emulateMedia({ colorScheme: 'dark' }); // the panels use the theme's colours only
    await app.screenshot('search-06-cypher-dark');
    expect(app.errors).toEqual([]);
  }, STEP);
});
