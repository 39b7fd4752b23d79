import type { EntityKind } from '../../../shared/domain/graph';

/** The text a parser extracted from one raw file. Chunk offsets refer to `text`. */
export type ParsedDocument = Readonly<{
  text: string;
  /** pdf, docx, html, markdown, csv, json, text */
  format: string;
  title?: string;
  /** Headings in document order (HTML, Markdown, Word), with offsets into `text`. */
  headings?: readonly Heading[];
}>;

/** A heading as the parser met it: level 1–6, its text, and where it sits in the document's text. */
export type Heading = Readonly<{ level: number; text: string; start: number; end: number }>;

export type Chunk = Readonly<{
  index: number;
  text: string;
  /** Character offsets of this chunk in ParsedDocument.text: text === doc.text.slice(start, end). */
  start: number;
  end: number;
  /** Titles of the sections the chunk starts in, outermost first (empty when the document has no headings). */
  headingPath?: readonly string[];
}>;

export type Mention = Readonly<{ chunkIndex: number; start: number; end: number }>;

export type ExtractedEntity = Readonly<{
  /** Normalised key: one entity per key within a document ("Marie Curie" and "Curie" share one). */
  key: string;
  /** Display name, the most complete surface form seen. */
  name: string;
  kind: EntityKind;
  description: string;
  mentions: readonly Mention[];
  /** Other names merged into this entity, each with why (absent when nothing merged). */
  aliases?: readonly EntityAlias[];
}>;

/** A name merged into an entity: its surface form and the evidence (see extract/merge.ts). */
export type EntityAlias = Readonly<{ name: string; reason: 'surname' | 'initialism' | 'defined-together' | 'place-name' | 'plural' | 'spelling' }>;

export type ExtractedRelation = Readonly<{
  sourceKey: string;
  targetKey: string;
  /** A verb phrase ("discovered", "works_at") or "co_occurs_with" for the weaker fallback. */
  relation: string;
  chunkIndex: number;
  /** How many sentences of this chunk state the relation; the graph adds a relation's weights up to its evidence count. */
  weight: number;
}>;

export type Extraction = Readonly<{ entities: readonly ExtractedEntity[]; relations: readonly ExtractedRelation[] }>;

/** Turns texts into vectors. Deterministic for a given id. */
export interface Embedder {
  /** Stable identifier recorded with every vector, e.g. "glove-sg100d-50k@1". */
  readonly id: string;
  readonly dimension: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** How well `text` covers `queryWords` in meaning, in [0, 1] (word-vector embedders only; used to re-rank). */
  softMatch?(queryWords: readonly string[], text: string, threshold: number): number;
}
