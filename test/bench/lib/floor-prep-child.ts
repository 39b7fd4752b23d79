/**
 * One share of the large-ingest floor's CPU half: the product's own `prepareItem` (parse → chunk
 * → extract → summarize → embed, no store) over every `shares`-th file of the manifest, with
 * the local embedder, in this one process. Writes each prepared item as a JSON line (vectors
 * as base64 Float32) for floor-load-child.ts, and a summary:
 *   tsx floor-prep-child.ts <manifest.json> <share> <shares> <out.jsonl>   →  <out.jsonl>.summary.json
 * Only the time inside prepareItem counts: loading the embedder and writing the lines are the
 * harness's cost, not the work's, so the floor stays a floor.
 */
import fs from 'node:fs';

import { createEmbedder } from '../../../electron/worker/ingest/embed';
import { prepareItem } from '../../../electron/worker/pipeline/prepare-item';
import { now } from './stats';

export type ManifestEntry = Readonly<{ name: string; path: string; format: string; size: number }>;
export type PrepSummary = Readonly<{
  share: number;
  items: number;
  bytes: number;
  /** Sum of the time spent inside prepareItem. */
  prepMs: number;
  /** First prepareItem start to last end, including the line writes between them. */
  loopMs: number;
  byFormat: Record<string, { files: number; bytes: number; ms: number }>;
  failed: { name: string; message: string }[];
  embedder: { id: string; dimension: number };
}>;

const b64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');

async function main(): Promise<void> {
  const [manifestPath, shareArg, sharesArg, out] = process.argv.slice(2);
  const share = Number(shareArg);
  const shares = Number(sharesArg);
  if (!manifestPath || !out || !Number.isInteger(share) || !Number.isInteger(shares)) throw new Error('usage: floor-prep-child.ts <manifest.json> <share> <shares> <out.jsonl>');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
  const embedder = await createEmbedder({ provider: 'local' });
  const fd = fs.openSync(out, 'w');
  const byFormat: PrepSummary['byFormat'] = {};
  const failed: PrepSummary['failed'] = [];
  let prepMs = 0;
  let items = 0;
  let bytes = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = share; i < manifest.length; i += shares) {
    const f = manifest[i]!;
    const data = new Uint8Array(fs.readFileSync(f.path));
    const t0 = now();
    if (Number.isNaN(first)) first = t0;
    let line: string | undefined;
    try {
      const p = await prepareItem({ dataId: `floor-${i}`, dataName: f.name, bytes: data }, { embedder });
      last = now();
      const rows = Object.fromEntries(Object.entries(p.rows).map(([t, list]) => [t, list.map((r) => ({ ...r, vector: b64(r.vector) }))]));
      line = JSON.stringify({ index: i, dataId: p.dataId, graph: p.graph, rows });
    } catch (e) {
      last = now();
      failed.push({ name: f.name, message: e instanceof Error ? e.message : String(e) });
    }
    prepMs += last - t0;
    items++;
    bytes += f.size;
    const c = (byFormat[f.format] ??= { files: 0, bytes: 0, ms: 0 });
    c.files++;
    c.bytes += f.size;
    c.ms += last - t0;
    if (line) fs.writeSync(fd, line + '\n');
  }
  fs.closeSync(fd);
  const summary: PrepSummary = { share, items, bytes, prepMs, loopMs: last - first, byFormat, failed, embedder: { id: embedder.id, dimension: embedder.dimension } };
  fs.writeFileSync(`${out}.summary.json`, JSON.stringify(summary));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
