/**
 * End to end, in headless Chromium against the real host: tenant membership by consent.
 * Alice (owner) invites Bob; Bob sees the invitation and declines; invited again, he accepts
 * and becomes a member; then he leaves. The owner is offered "Delete tenant", never "Leave".
 * The steps build on each other (one story), so they run in order in one file.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppDriver } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const PASSWORD = 'password-123';
const A = 'alice@example.com';
const B = 'bob@example.com';
const STEP = 180_000;

describe('Tenant invitations in the browser: invite, decline, accept, leave', () => {
  let e2e: E2eHost;
  let alice: AppDriver;
  let bob: AppDriver;

  /** Opens the tenant dialog (it re-reads the tenant and invitations on open). */
  const openTenant = async (d: AppDriver) => {
    await d.byTestId('open-tenant').click();
    await d.byTestId('tenant-dialog').waitFor();
  };
  const closeTenant = async (d: AppDriver) => {
    await d.page.keyboard.press('Escape');
    await d.byTestId('tenant-dialog').waitFor({ state: 'detached' });
  };
  const invite = async (email: string) => {
    await alice.byTestId('member-email').fill(email);
    await alice.byTestId('member-invite').click();
    await alice.page.locator(`[data-testid="pending-invitation"][data-email="${email}"]`).waitFor();
  };

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-tenant-', { signInPerMinute: 1000 });
    for (const email of [A, B]) expect((await e2e.host.core.call({ token: null }, 'auth.register', { email, password: PASSWORD })).ok).toBe(true);
    alice = await AppDriver.open(e2e.browser, e2e.host.url, 'alice');
    await alice.signIn(A, PASSWORD);
    bob = await AppDriver.open(e2e.browser, e2e.host.url, 'bob');
    await bob.signIn(B, PASSWORD);
  }, STEP);

  afterAll(async () => {
    await alice?.close();
    await bob?.close();
    await e2e?.close();
  }, STEP);

  it('the owner creates a tenant and invites Bob: Bob is pending, not a member', async () => {
    await openTenant(alice);
    await alice.byTestId('tenant-name').fill('Lab');
    await alice.byTestId('tenant-create').click();
    await alice.byTestId('tenant-members').waitFor();
    await invite(B);
    expect(await alice.byTestId('tenant-members').innerText()).not.toContain(B);
    expect(await alice.byTestId('tenant-leave').count()).toBe(0); // the owner deletes, never leaves
    expect(await alice.byTestId('tenant-delete').isVisible()).toBe(true);
    await alice.screenshot('tenant-01-owner-pending-invitation');
    await closeTenant(alice);
  }, STEP);

  it('Bob sees the invitation with Accept / Decline, and declines', async () => {
    await bob.page.reload(); // the invitation arrived after he signed in
    await bob.waitForProfile(B);
    expect(await bob.byTestId('invitation-count').innerText()).toBe('1');
    await openTenant(bob);
    const row = bob.page.locator('[data-testid="invitation"][data-tenant="Lab"]');
    await row.waitFor();
    expect(await row.innerText()).toContain(A);
    await bob.screenshot('tenant-02-invited-profile');
    await row.getByTestId('invitation-decline').click();
    await row.waitFor({ state: 'detached' });
    expect(await bob.byTestId('tenant-create').isVisible()).toBe(true); // still no tenant
    expect(await bob.byTestId('invitation-count').count()).toBe(0);
    await closeTenant(bob);
    await openTenant(alice);
    await alice.byTestId('tenant-pending').waitFor({ state: 'detached' }); // the re-read on open drops it
    expect(await alice.byTestId('tenant-members').innerText()).not.toContain(B);
  }, STEP);

  it('invited again, Bob accepts and becomes a member who may leave', async () => {
    await invite(B);
    await closeTenant(alice);
    await openTenant(bob); // opening re-reads the invitations
    const row = bob.page.locator('[data-testid="invitation"][data-tenant="Lab"]');
    await row.getByTestId('invitation-accept').click();
    await bob.byTestId('tenant-members').waitFor();
    expect(await bob.byTestId('tenant-members').innerText()).toContain(B);
    expect(await bob.byTestId('tenant-leave').isVisible()).toBe(true);
    expect(await bob.byTestId('member-invite').count()).toBe(0); // members do not invite
    expect(await bob.byTestId('open-tenant').innerText()).toContain('Tenant: Lab');
    await bob.screenshot('tenant-03-member');
    await openTenant(alice);
    await alice.page.locator('[data-testid="tenant-members"]', { hasText: B }).waitFor();
    await alice.byTestId('tenant-pending').waitFor({ state: 'detached' });
    await closeTenant(alice);
  }, STEP);

  it('Bob leaves (after confirming) and is back to no tenant', async () => {
    await bob.byTestId('tenant-leave').click();
    await bob.byTestId('tenant-leave-confirm').click();
    await bob.byTestId('tenant-create').waitFor();
    expect(await bob.byTestId('open-tenant').innerText()).toBe('Tenant');
    await bob.screenshot('tenant-04-after-leaving');
    await closeTenant(bob);
    await openTenant(alice);
    await alice.page.locator('[data-testid="tenant-members"]', { hasText: B }).waitFor({ state: 'detached' });
    await closeTenant(alice);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  }, STEP);
});
