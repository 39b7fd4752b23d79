/**
 * GET /api/v1/visualize?dataset_id=… — a self-contained HTML page of a dataset's graph
 * (Cognee: cognee/api/v1/users/routers/get_visualize_router.py). The graph data and
 * cytoscape are inlined, so the page works saved to disk. Positions are computed here in
 * O(n) (a sunflower spiral ordered by degree: hubs in the middle), so the browser runs no
 * force layout and a few thousand nodes draw at once. Read permission is the core's call.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { GraphSliceSchema } from '../../../shared/contract/views';
import { callCore, parse, v1 } from './common';
import type { HostContext } from '../context';

type Slice = z.infer<typeof GraphSliceSchema>;

let cytoscapeSource: string | null | undefined;

/** cytoscape's minified build, read once; null when it cannot be found (the page then says so). */
function cytoscapeJs(): string | null {
  if (cytoscapeSource !== undefined) return cytoscapeSource;
  try {
    const file = createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js');
    cytoscapeSource = fs.readFileSync(file, 'utf8');
  } catch {
    cytoscapeSource = null;
  }
  return cytoscapeSource;
}

export function registerVisualizeRoute(app: FastifyInstance, ctx: HostContext): void {
  app.get('/api/v1/visualize', v1(async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { dataset_id, max_nodes } = parse(
      z.object({ dataset_id: z.uuid(), max_nodes: z.coerce.number().int().min(1).max(10_000).default(3000) }),
      { dataset_id: q.dataset_id, max_nodes: q.max_nodes },
      'query',
    );
    const dataset = await callCore(ctx.core, req, 'datasets.get', { datasetId: dataset_id }, 'query');
    const graph = await callCore(ctx.core, req, 'graph.read', { datasetId: dataset_id, nodeLimit: max_nodes, edgeLimit: max_nodes * 3 }, 'query');
    const nonce = randomBytes(16).toString('base64');
    reply.header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    return reply.type('text/html; charset=utf-8').send(renderPage(dataset.name, graph, nonce));
  }));
}

/** Lays nodes on a sunflower spiral, highest degree first. Deterministic and linear. */
export function layout(g: Slice): Map<string, { x: number; y: number }> {
  const degree = new Map<string, number>();
  for (const e of g.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const order = [...g.nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const pos = new Map<string, { x: number; y: number }>();
  order.forEach((n, i) => {
    const r = 28 * Math.sqrt(i + 0.5);
    pos.set(n.id, { x: Math.round(r * Math.cos(i * golden)), y: Math.round(r * Math.sin(i * golden)) });
  });
  return pos;
}

const COLORS: Readonly<Record<string, string>> = {
  Document: '#4e79a7',
  DocumentChunk: '#9c9c9c',
  Entity: '#f28e2b',
  EntityType: '#59a14f',
  TextSummary: '#b07aa1',
};

/** JSON that is safe inside a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderPage(title: string, g: Slice, nonce: string): string {
  const pos = layout(g);
  const elements = [
    ...g.nodes.map((n) => ({ data: { id: n.id, label: n.name.slice(0, 80), type: n.type, color: COLORS[n.type] ?? '#777' }, position: pos.get(n.id) })),
    ...g.edges.filter((e) => pos.has(e.source) && pos.has(e.target)).map((e) => ({ data: { id: `e:${e.id}`, source: e.source, target: e.target, label: e.relation } })),
  ];
  const cy = cytoscapeJs();
  const note = g.truncated ? `Showing ${g.nodes.length} of ${g.totalNodes} nodes.` : `${g.nodes.length} nodes, ${g.edges.length} edges.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} — Kenning graph</title>
<style>html,body{margin:0;height:100%;font:14px system-ui,sans-serif;background:#fafafa;color:#222}
#bar{position:fixed;top:0;left:0;right:0;padding:8px 12px;background:#fff;border-bottom:1px solid #ddd;z-index:1}
#cy{position:absolute;top:40px;left:0;right:0;bottom:0}#info{color:#666;margin-left:12px}</style></head>
<body><div id="bar"><strong>${escapeHtml(title)}</strong><span id="info">${escapeHtml(note)}</span></div><div id="cy"></div>
${cy ? `<script nonce="${nonce}">${cy.replace(/<\/script/gi, '<\\/script')}</script>` : ''}
<script nonce="${nonce}">
(function () {
  var elements = ${scriptJson(elements)};
  if (typeof cytoscape !== 'function') { document.getElementById('info').textContent = 'The graph renderer is missing from this build.'; return; }
  var cy = cytoscape({
    container: document.getElementById('cy'), elements: elements, layout: { name: 'preset' },
    hideEdgesOnViewport: elements.length > 3000, textureOnViewport: elements.length > 3000, minZoom: 0.02, maxZoom: 4,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', width: 12, height: 12, label: 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 9, color: '#333' } },
      { selector: 'edge', style: { width: 0.6, 'line-color': '#c8c8c8', 'curve-style': 'haystack', opacity: 0.8 } },
      { selector: 'node:selected', style: { 'border-width': 2, 'border-color': '#000' } }
    ]
  });
  cy.on('tap', 'node', function (e) {
    var n = e.target;
    document.getElementById('info').textContent = n.data('type') + ': ' + n.data('label') + ' (' + n.degree() + ' links)';
  });
})();
</script></body></html>`;
}
