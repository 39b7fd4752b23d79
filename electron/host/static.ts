/**
 * Serves the renderer build (dist/renderer). Without a build, `/` answers a short page that
 * says how to make one, so `npm run serve` on a fresh checkout explains itself. Unknown
 * GET paths that ask for HTML get index.html (client-side routes); API paths get a 404 in
 * their own dialect. `/` itself answers by what the client asks for: a browser (Accept names
 * text/html) gets the app, any other client Cognee's "alive" JSON (its root route), so
 * Cognee's server-start checks and clients see the answer they expect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

import { areaOf, sendFailure } from './errors';

/**
 * The renderer build folder: `explicit` if given, else the first of KENNING_RENDERER_DIR, ./dist/renderer, or the
 * one beside this module (electron/host/ in the repo, dist/host/ when bundled). Null if none.
 */
export function findRendererDir(explicit?: string): string | null {
  if (explicit !== undefined) return fs.existsSync(path.join(explicit, 'index.html')) ? explicit : null; // told: no guessing
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env.KENNING_RENDERER_DIR, path.resolve('dist/renderer'), path.resolve(here, '../../dist/renderer'), path.resolve(here, '../renderer')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'index.html'))) return c;
  return null;
}

const NO_BUILD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kenning</title></head>
<body style="font:16px system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Kenning is running</h1><p>The user interface has not been built yet. Run <code>npm run build</code>, then reload this page.</p>
<p>The API is available: <code>/rpc/&lt;procedure&gt;</code> and the Cognee-compatible <code>/api/v1</code>.</p></body></html>`;

/** cognee/api/client.py root(). */
const COGNEE_ALIVE = { message: 'Hello, World, I am alive!' } as const;

export async function registerStatic(app: FastifyInstance, rendererDir: string | null): Promise<void> {
  if (rendererDir) {
    // `/` is ours (below), so the plugin serves files only.
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: false, wildcard: false, dotfiles: 'deny' });
  }
  app.get('/', async (req, reply) => {
    reply.header('Vary', 'Accept'); // one URL, two answers: caches must keep them apart
    if (!String(req.headers.accept ?? '').includes('text/html')) return COGNEE_ALIVE;
    if (rendererDir) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(NO_BUILD_PAGE);
  });
  app.setNotFoundHandler(async (req, reply) => {
    const area = areaOf(req);
    if (area === 'v1') return reply.code(404).send({ detail: 'Not Found' }); // FastAPI's 404
    if (area === 'rpc' || area === 'events') return sendFailure(req, reply, { code: 'not_found', message: 'No such route' });
    const wantsHtml = req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && rendererDir) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    if (wantsHtml) return reply.code(404).type('text/html; charset=utf-8').send(NO_BUILD_PAGE);
    return reply.code(404).send({ error: 'Not found' });
  });
}
