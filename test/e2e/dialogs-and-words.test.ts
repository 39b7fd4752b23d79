/**
 * Issue 17, defects 5 and 6 in the browser: dialogs keep Tab inside and open on their first field
 * (Settings used to open on Cancel, and Tab left it for the page behind); a wrong password says
 * so instead of "You are signed out"; Settings refuses a language model without a model name
 * when it is saved, not at search time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const STEP = 180_000;

describe('dialogs and their words', () => {
  let e2e: E2eHost;
  let app: AppDriver;

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-dialogs-');
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'dialogs');
    await app.waitForProfile('default_user@example.com');
  }, STEP);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  const focusedInDialog = () => app.page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

  it('Settings opens on its first field, and Tab never leaves it', async () => {
    await app.byTestId('open-settings').click();
    const dialog = app.byTestId('settings-dialog');
    await dialog.getByTestId('llm-enabled').waitFor();
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'llm-enabled');
    for (let i = 0; i < 25; i++) {
      await app.page.keyboard.press('Tab');
      expect(await focusedInDialog()).toBe(true);
    }
    for (let i = 0; i < 25; i++) {
      await app.page.keyboard.press('Shift+Tab');
      expect(await focusedInDialog()).toBe(true);
    }
  }, STEP);

  it('saving a language model without a model name is refused in the dialog, with the reason', async () => {
    const dialog = app.byTestId('settings-dialog');
    await dialog.getByTestId('llm-enabled').check();
    await dialog.getByRole('textbox', { name: 'Model' }).fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/Name the language model/).waitFor();
    await app.screenshot('dialogs-01-settings-model-required');
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, STEP);

  it('a wrong password on a profile says the password is wrong, not that the person is signed out', async () => {
    await app.toPicker();
    const listed = app.byTestId('profile-default_user@example.com');
    const typed = app.byTestId('sign-in-email');
    await listed.or(typed).first().waitFor();
    if (await typed.isVisible()) await typed.fill('default_user@example.com');
    else await listed.click();
    await app.byTestId('password').fill('not-the-password');
    await app.byTestId('sign-in').click();
    const form = app.byTestId('sign-in-form');
    await form.getByText(/Wrong (email or )?password/).waitFor();
    expect(await form.innerText()).not.toContain('signed out');
  }, STEP);
});
