/**
 * Issue 17 in the browser, the newcomer's path and the smaller defects: the samples button on an
 * empty profile; the "Empty" status dot drawn as a dot (a global `.empty` rule made it a 34×66
 * oval); the profile menu closing on Escape and on an outside click; the default profile's
 * password shown on the picker while it is the shipped one; a stale "already exists" that
 * outlived the edit; sharing offering the machine's other profiles; the document view marking
 * the entity’s mention, not only its passage; a wrong current password in Change password named as
 * such, not as "You are signed out".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const STEP = 180_000;
const SECOND = 'second@example.com';
const PASSWORD = 'second-profile-pw';
const SAMPLES = ['lincoln-1862-annual-message.txt', 'moby-dick-chapter-1.txt', 'moby-dick-chapter-2.txt', 'moby-dick-chapter-3.txt'];

describe('a newcomer, and the small things', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  beforeAll(async () => {
    // Listed profiles, as the desktop window and `npm start` show them.
    e2e = await openE2eHost('kenning-e2e-newcomer-', { listProfiles: true, signInPerMinute: 1000 });
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'newcomer');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('an empty profile offers the samples; one click gives a dataset with a graph', async () => {
    await app.byTestId('welcome').waitFor();
    await app.screenshot('newcomer-01-welcome');
    await app.byTestId('try-samples-button').click();
    await app.page.locator('[data-testid="dataset-page"][data-dataset="Samples"]').waitFor();
    expect(await app.waitForIngest(SAMPLES, ['done', 'error', 'rejected'])).toEqual(Object.fromEntries(SAMPLES.map((n) => [n, 'done'])));
    expect(await app.waitForGraph(5)).toBeGreaterThan(5);
    await app.screenshot('newcomer-02-samples-graph');
  }, STEP);

  it('the Empty status is a small round dot, not an oval', async () => {
    await app.createDataset('Nothing yet');
    const dot = app.byTestId('dataset-Nothing yet').locator('[data-testid="dataset-status"][data-status="empty"]');
    const box = await dot.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(14);
    expect(Math.abs(box!.width - box!.height)).toBeLessThanOrEqual(1);
  }, STEP);

  it('opening a source passage from an entity marks the entity’s own words in it', async () => {
    await app.selectDataset('Samples');
    await app.waitForGraph(5);
    const entities = await app.nodeIds('Entity');
    let marked: string[] = [];
    let name = '';
    for (const id of entities.slice(0, 12)) {
      await app.clickNode(id);
      await app.byTestId('node-details').waitFor();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="node-name"]')?.textContent !== 'Loading…');
      if ((await app.byTestId('source-passage').count()) === 0) continue;
      name = (await app.byTestId('node-name').innerText()).trim();
      await app.byTestId('source-passage').first().click();
      await app.byTestId('document-passage').waitFor();
      marked = await app.byTestId('document-mention').allInnerTexts();
      if (marked.length > 0) break;
      await app.page.keyboard.press('Escape');
      await app.byTestId('document-view').waitFor({ state: 'detached' });
    }
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(m.replace(/\s+/g, ' ').toLowerCase()).toBe(name.toLowerCase());
    await app.screenshot('newcomer-03-document-mention');
    await app.page.keyboard.press('Escape');
    await app.byTestId('document-view').waitFor({ state: 'detached' });
  }, STEP);

  it('the profile menu closes on Escape (focus back on it) and on a click outside', async () => {
    const menu = app.byTestId('profile-menu');
    const isOpen = () => menu.evaluate((el) => (el as HTMLDetailsElement).open);
    await app.byTestId('current-profile').click();
    expect(await isOpen()).toBe(true);
    await app.page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('current-profile');
    await app.byTestId('current-profile').click();
    expect(await isOpen()).toBe(true);
    await app.byTestId('dataset-page').click({ position: { x: 5, y: 5 } });
    expect(await isOpen()).toBe(false);
  }, STEP);

  it('creating a profile: "already exists" goes away once the email is edited', async () => {
    await app.toPicker();
    await app.byTestId('create-profile').click();
    await app.byTestId('new-email').fill('default_user@example.com');
    await app.byTestId('new-password').fill(PASSWORD);
    await app.byTestId('create-profile-submit').click();
    const form = app.byTestId('create-profile-form');
    await form.getByText(/already/i).waitFor();
    await app.byTestId('new-email').fill(SECOND);
    expect(await form.getByText(/already/i).count()).toBe(0);
    await app.byTestId('create-profile-submit').click();
    await app.waitForProfile(SECOND);
  }, STEP);

  it('with a second profile, the picker tells the default profile its password while it is unchanged', async () => {
    await app.toPicker();
    await app.byTestId(`profile-${SECOND}`).click();
    expect(await app.byTestId('password-hint').count()).toBe(0);
    await app.byTestId('sign-in-form').getByRole('button', { name: 'Back' }).click();
    await app.byTestId('profile-default_user@example.com').click();
    const hint = app.byTestId('password-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('default_password');
    await app.screenshot('newcomer-04-password-hint');
    await app.byTestId('password').fill('default_password');
    await app.byTestId('sign-in').click();
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  it('sharing offers the other profiles on this machine, so nobody has to type an exact email', async () => {
    await app.selectDataset('Samples');
    await app.byTestId('share-dataset').click();
    const offered = app.byTestId('grant-local-profiles');
    await offered.waitFor();
    expect(await offered.innerText()).not.toContain('default_user@example.com');
    await offered.getByRole('button', { name: SECOND }).click();
    expect(await app.byTestId('grant-email').inputValue()).toBe(SECOND);
    await app.byTestId('grant-submit').click();
    await app.page.getByText(SECOND).first().waitFor();
    await app.screenshot('newcomer-05-share-local-profiles');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.modal-backdrop').waitFor({ state: 'detached' });
  }, STEP);

  it('a wrong current password in Change password says so, and the person stays signed in', async () => {
    await app.byTestId('current-profile').click();
    await app.byTestId('profile-menu').getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = app.byTestId('change-password-dialog');
    await dialog.getByLabel('Current password').fill('not-the-password');
    await dialog.getByLabel('New password (at least 8 characters)').fill('a-new-password-1');
    await dialog.getByLabel('New password again').fill('a-new-password-1');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText(/current password is wrong/i).waitFor();
    expect(await dialog.innerText()).not.toContain('You are signed out');
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await app.flags()).profile).toBe('default_user@example.com');
  }, STEP);
});
