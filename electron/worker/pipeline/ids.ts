/**
 * Deterministic node ids, so writing an item twice upserts instead of duplicating.
 * A chunk id carries its character range in the item's extracted text, so any reader
 * holding a chunk id can cite the exact passage without another lookup.
 */
export const documentId = (dataId: string): string => `doc:${dataId}`;
export const chunkId = (dataId: string, index: number, start: number, end: number): string => `chunk:${dataId}:${index}:${start}:${end}`;
export const chunkSummaryId = (dataId: string, index: number): string => `summary:${dataId}:${index}`;
export const documentSummaryId = (dataId: string): string => `summary:${dataId}:doc`;
export const entityId = (key: string): string => `entity:${key}`;
export const entityTypeId = (kind: string): string => `type:${kind}`;
export const edgeId = (source: string, relation: string, target: string): string => `${source}|${relation}|${target}`;

export type ChunkRef = Readonly<{ dataId: string; index: number; start: number; end: number }>;

const CHUNK_RE = /^chunk:([0-9a-f-]{36}):(\d+):(\d+):(\d+)$/i;

/** Parses a chunk id back into its data item and character range; null for other ids. */
export function parseChunkId(id: string): ChunkRef | null {
  const m = CHUNK_RE.exec(id);
  if (!m) return null;
  return { dataId: m[1]!, index: Number(m[2]), start: Number(m[3]), end: Number(m[4]) };
}
