/**
 * Serves the renderer build over a private `kenning://app/` scheme instead of file://, so
 * the page has a real origin (CSP 'self' means the build, and nothing else on disk), and
 * every response carries the strict Content-Security-Policy.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { net, protocol } from 'electron';

import { RENDERER_CSP } from '../../shared/renderer-csp';
import { APP_SCHEME } from './app-origin';

/** The one renderer policy (shared/renderer-csp.ts), also in the Electron window. */
export const SHELL_CSP = RENDERER_CSP;

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves files under `rendererDir` only; anything outside it (../ tricks) is a 404. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, `.${rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', SHELL_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
