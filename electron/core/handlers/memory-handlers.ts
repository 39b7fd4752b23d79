/**
 * A profile's memory around its datasets, for Cognee's newer endpoints: its search history,
 * the recent pipeline runs of datasets it may read, its ontologies, and a data item's stored
 * original file. History and ontologies are the caller's own rows only (keyed by its user id);
 * Configurations likewise. Runs and raw files go through the dispatcher's dataset check like any other read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';
import type { DatasetId } from '../../../shared/domain/ids';
import { classifyFsError } from '../pipeline/fs-errors';
import type { OntologyRow } from '../store/repos/ontologies-repo';
import type { Handlers } from './types';
import { callerOf, only } from './types';

type MemoryHandlers = Pick<Handlers, 'configurations.list' | 'configurations.store' | 'search.history' | 'runs.recent' | 'ontologies.list' | 'ontologies.upload' | 'ontologies.delete' | 'data.raw'>;

/** Per-profile limits on what these endpoints store in the catalog database. */
const ONTOLOGY_LIMITS = { count: 100, bytes: 100 * 2 ** 20 } as const;
const MAX_CONFIGURATIONS = 100;

const ontologyView = (o: OntologyRow) => ({ key: o.key, filename: o.filename, sizeBytes: o.size_bytes, description: o.description, uploadedAt: o.uploaded_at });

export const memoryHandlers: MemoryHandlers = {
  'search.history': async (ctx) =>
    (await ctx.services.store.searchHistory.forUser(callerOf(ctx).userId)).map((r) => ({ id: r.id, role: r.role, text: r.text, datasetId: r.dataset_id, createdAt: r.created_at })),
  'runs.recent': async (ctx, i) => ctx.services.store.runs.recent(ctx.datasets.map((a) => a.dataset.id as DatasetId), i.limit),
  'ontologies.list': async (ctx) => (await ctx.services.store.ontologies.list(callerOf(ctx).userId)).map(ontologyView),
  'ontologies.upload': async (ctx, i) => {
    const row = await ctx.services.store.ontologies.insert(callerOf(ctx).userId, {
      key: i.key,
      filename: i.filename,
      size_bytes: Buffer.byteLength(i.content, 'utf8'),
      description: i.description ?? null,
      content: i.content,
    }, ONTOLOGY_LIMITS);
    if (row === 'full') {
      throw new AppError('invalid_input', `You can keep at most ${ONTOLOGY_LIMITS.count} ontologies of ${ONTOLOGY_LIMITS.bytes / 2 ** 20} MB in all; delete one first`, { field: 'ontology_file' });
    }
    if (!row) throw new AppError('conflict', `You already have an ontology with the key "${i.key}"`, { field: 'key' });
    return ontologyView(row);
  },
  'ontologies.delete': async (ctx, i) => {
    if (!(await ctx.services.store.ontologies.delete(callerOf(ctx).userId, i.key))) throw new AppError('not_found', `You have no ontology with the key "${i.key}"`, { field: 'key' });
    return { ok: true };
  },
  'configurations.list': async (ctx) =>
    (await ctx.services.store.configurations.list(callerOf(ctx).userId)).map((r) => ({
      id: r.id,
      name: r.name,
      configuration: JSON.parse(r.json) as Record<string, unknown>,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  'configurations.store': async (ctx, i) => {
    if (!(await ctx.services.store.configurations.upsert(callerOf(ctx).userId, i.name, i.configuration, MAX_CONFIGURATIONS))) {
      throw new AppError('invalid_input', `You can keep at most ${MAX_CONFIGURATIONS} named configurations; replace or remove one first`, { field: 'name' });
    }
    return { ok: true };
  },
  'data.raw': async (ctx, i) => {
    const { dataset } = only(ctx.datasets);
    const row = await ctx.services.store.data.linked(dataset.id, i.dataId);
    if (!row) throw new AppError('not_found', 'No such data item in this dataset');
    const home = path.resolve(ctx.services.home);
    const file = path.resolve(home, row.raw_location);
    // A stored location always lies under the data home; anything else is refused, never read.
    if (!file.startsWith(home + path.sep)) throw new AppError('not_found', `The stored file of ${row.name} is missing`);
    try {
      const bytes = new Uint8Array(await readFile(file));
      return { dataId: row.id, name: row.name, extension: row.extension, mimeType: row.mime_type, bytes };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `The stored file of ${row.name} is missing`);
      throw classifyFsError(e, 'reading the stored file');
    }
  },
};
