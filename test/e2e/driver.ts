/**
 * Drives the Kenning renderer in headless Chromium against an in-process host. Every wait is
 * on app state (`window.__kenning` flags, data-testid elements, data-stage attributes), never
 * on time. One AppDriver = one browser context = one cookie jar = one person at the machine.
 */
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const CHROMIUM = process.env.KENNING_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

/** A file to drop, as the page will build it (File objects need page-side construction). */
export type DropFile = Readonly<{ name: string; type: string; text: string }>;

/** Launches the system Chromium (installed by .ci/run). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test installs it: scripts/ensure-chromium.mjs)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export class AppDriver {
  /** Uncaught page errors and console errors, for a final "no errors" check. */
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly name: string,
  ) {
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Expected 401s (socket before sign-in) and failed fetches show up as console errors too; keep only script errors.
      if (m.type() === 'error' && !/Failed to load resource|WebSocket connection/.test(m.text())) this.errors.push(`console: ${m.text()}`);
    });
  }

  /** Opens the app in a fresh context and waits for the first screen. */
  static async open(browser: Browser, url: string, name: string): Promise<AppDriver> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const d = new AppDriver(context, page, name);
    await page.goto(url);
    await page.waitForFunction(() => (window as { __kenning?: { ready?: boolean } }).__kenning?.ready === true);
    return d;
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The phase and profile flags the renderer maintains. */
  async flags(): Promise<{ phase: string; profile: string | null; graphRendered: boolean; graphNodeCount: number }> {
    return this.page.evaluate(() => {
      const k = (window as unknown as { __kenning: { phase: string; profile: string | null; graphRendered: boolean; graphNodeCount: number } }).__kenning;
      return { phase: k.phase, profile: k.profile, graphRendered: k.graphRendered, graphNodeCount: k.graphNodeCount };
    });
  }

  async waitForProfile(email: string): Promise<void> {
    await this.page.waitForFunction((e) => (window as { __kenning?: { phase?: string; profile?: string } }).__kenning?.profile === e, email);
    await this.byTestId('current-profile').waitFor();
  }

  /** From the workspace: Switch profile → picker. */
  async toPicker(): Promise<void> {
    if ((await this.flags()).phase === 'ready') {
      await this.byTestId('current-profile').click();
      await this.byTestId('switch-profile').click();
    }
    await this.byTestId('profile-picker').waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.toPicker();
    // A host that does not list profiles (the default) shows an email field instead of buttons.
    const listed = this.byTestId(`profile-${email}`);
    const typed = this.byTestId('sign-in-email');
    await listed.or(typed).first().waitFor();
    if (await typed.isVisible()) await typed.fill(email);
    else await listed.click();
    await this.byTestId('password').fill(password);
    await this.byTestId('sign-in').click();
    await this.waitForProfile(email);
  }

  async register(email: string, password: string): Promise<void> {
    await this.toPicker();
    await this.byTestId('create-profile').click();
    await this.byTestId('new-email').fill(email);
    await this.byTestId('new-password').fill(password);
    await this.byTestId('create-profile-submit').click();
    await this.waitForProfile(email);
  }

  async createDataset(name: string): Promise<void> {
    await this.byTestId('new-dataset').click();
    await this.byTestId('create-dataset-name').fill(name);
    await this.byTestId('create-dataset-submit').click();
    await this.page.locator(`[data-testid="dataset-page"][data-dataset="${name}"]`).waitFor();
  }

  async selectDataset(name: string): Promise<void> {
    await this.byTestId(`dataset-${name}`).getByRole('button').first().click();
    await this.page.locator(`[data-testid="dataset-page"][data-dataset="${name}"]`).waitFor();
  }

  /**
   * Dispatches a real DataTransfer drop (dragenter → dragover → drop) with File objects on an
   * element. Synthetic drops carry no FileSystemEntry, which exercises the `files` fallback.
   */
  async dropFiles(target: Locator, files: readonly DropFile[]): Promise<void> {
    const handle = await target.elementHandle();
    if (!handle) throw new Error('drop target not found');
    await this.page.evaluate(
      ({ el, files }) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
      },
      { el: handle, files: files.map((f) => ({ ...f })) },
    );
  }

  /** Waits until every named file in the ingest list reached one of `stages`; returns their stages. */
  async waitForIngest(names: readonly string[], stages: readonly string[] = ['done']): Promise<Record<string, string>> {
    await this.page.waitForFunction(
      ({ names, stages }) =>
        names.every((n) => {
          const row = document.querySelector(`[data-testid="ingest-item"][data-name="${CSS.escape(n)}"]`);
          return row && stages.includes(row.getAttribute('data-stage') ?? '');
        }),
      { names: [...names], stages: [...stages] },
      { timeout: 170_000 },
    );
    return this.page.evaluate((names) => Object.fromEntries(names.map((n) => [n, document.querySelector(`[data-testid="ingest-item"][data-name="${CSS.escape(n)}"]`)?.getAttribute('data-stage') ?? ''])), [...names]);
  }

  /** Waits for the canvas to finish laying out a non-empty graph. */
  async waitForGraph(minNodes = 1): Promise<number> {
    await this.page.waitForFunction(
      (min) => {
        const k = (window as { __kenning?: { graphRendered?: boolean; graphNodeCount?: number } }).__kenning;
        return k?.graphRendered === true && (k.graphNodeCount ?? 0) >= min;
      },
      minNodes,
      { timeout: 120_000 },
    );
    return (await this.flags()).graphNodeCount;
  }

  async nodeIds(type?: string): Promise<string[]> {
    return this.page.evaluate((t) => (window as unknown as { __kenning: { nodeIds?: (t?: string) => string[] } }).__kenning.nodeIds?.(t) ?? [], type);
  }

  /** Clicks a node where the canvas draws it (a real mouse click on the canvas). */
  async clickNode(id: string): Promise<void> {
    const pos = await this.page.evaluate((nid) => (window as unknown as { __kenning: { nodePosition?: (id: string) => { x: number; y: number } | null } }).__kenning.nodePosition?.(nid) ?? null, id);
    if (!pos) throw new Error(`node ${id} is not drawn`);
    await this.page.mouse.click(pos.x, pos.y);
  }

  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await this.byTestId('search-page').waitFor();
    await this.byTestId('search-input').fill(query);
    await this.byTestId('search-submit').click();
    await this.page.locator('[data-testid="search-results"], [data-testid="search-empty"], [data-testid="search-error"]').first().waitFor();
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
