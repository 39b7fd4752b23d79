import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { createEmbedder, EmbedderConfigSchema } from '../../../../electron/worker/ingest/embed';

const tmp = mkdtempSync(join(tmpdir(), 'kenning-embed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('createEmbedder', () => {
  it('builds the local word-vector embedder when the table exists', async () => {
    const warnings: string[] = [];
    const e = await createEmbedder({ provider: 'local' }, { warn: (m) => warnings.push(m) });
    expect(e.id).toBe('glove-sg100d-50k-sif@1');
    expect(e.fallbackReason).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('falls back to hashing, with a reason and a warning, only when the table is missing', async () => {
    const warnings: string[] = [];
    const e = await createEmbedder({ provider: 'local' }, { wordVectorsDir: join(tmp, 'nowhere'), warn: (m) => warnings.push(m) });
    expect(e.id).toBe('hashing-256@1');
    expect(e.fallbackReason).toMatch(/not found/);
    expect(warnings).toHaveLength(1);
    const [v] = await e.embed(['still works']);
    expect(v).toHaveLength(256);
  });

  it('refuses a damaged table instead of silently downgrading', async () => {
    const dir = join(tmp, 'damaged');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ format: 1, dimension: 100, count: 10, source: 'x', version: '1', sourceVocabularySize: 100 }));
    writeFileSync(join(dir, 'vocab.txt'), 'a\nb\n');
    writeFileSync(join(dir, 'vectors.f32'), Buffer.alloc(12));
    await expect(createEmbedder({ provider: 'local' }, { wordVectorsDir: dir })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('builds hashing and openai embedders', async () => {
    expect((await createEmbedder({ provider: 'hashing' })).id).toBe('hashing-256@1');
    const o = await createEmbedder({ provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'nomic-embed-text', dimension: 768 });
    expect(o.id).toBe('openai:nomic-embed-text@127.0.0.1:9');
    expect(o.dimension).toBe(768);
  });

  it('rejects invalid settings with invalid_input', async () => {
    for (const bad of [{ provider: 'onnx' }, { provider: 'openai', baseUrl: 'ftp://x', model: 'm' }, { provider: 'openai', baseUrl: 'http://x', model: '' }, null]) {
      const err = await createEmbedder(bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_input');
    }
  });

  it('exports the schema for the settings UI', () => {
    expect(EmbedderConfigSchema.safeParse({ provider: 'local' }).success).toBe(true);
    expect(EmbedderConfigSchema.safeParse({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'text-embedding-3-small', apiKey: 'sk-x' }).success).toBe(true);
  });
});
