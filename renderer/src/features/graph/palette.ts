/**
 * Node colours by type (and by kind for entities). Chosen to read on both the light and the
 * dark background; the legend and the canvas share this one table.
 */
import type { GraphNode } from '../../store/views';

export type ColorKey =
  | 'Document'
  | 'DocumentChunk'
  | 'EntityType'
  | 'TextSummary'
  | 'person'
  | 'place'
  | 'organization'
  | 'date'
  | 'concept';

export const PALETTE: Readonly<Record<ColorKey, string>> = {
  Document: '#4c78a8',
  DocumentChunk: '#9aa5b1',
  TextSummary: '#b07aa1',
  EntityType: '#7f7f7f',
  person: '#e45756',
  place: '#54a24b',
  organization: '#f58518',
  date: '#eeca3b',
  concept: '#72b7b2',
};

/** Legend rows, in reading order. */
export const LEGEND: readonly { key: ColorKey; label: string }[] = [
  { key: 'Document', label: 'Document' },
  { key: 'DocumentChunk', label: 'Passage' },
  { key: 'TextSummary', label: 'Summary' },
  { key: 'EntityType', label: 'Entity type' },
  { key: 'person', label: 'Person' },
  { key: 'place', label: 'Place' },
  { key: 'organization', label: 'Organisation' },
  { key: 'date', label: 'Date' },
  { key: 'concept', label: 'Concept' },
];

const KINDS: ReadonlySet<string> = new Set(['person', 'place', 'organization', 'date', 'concept']);

/** The colour key of a node: its type, or for entities its kind (unknown kinds count as concepts). */
export function colorKeyOf(node: Pick<GraphNode, 'type' | 'kind'>): ColorKey {
  if (node.type !== 'Entity') return node.type;
  const kind = (node.kind ?? '').toLowerCase();
  return KINDS.has(kind) ? (kind as ColorKey) : 'concept';
}

/**
 * Community colours: twelve that stay apart from each other on both backgrounds. Communities are
 * numbered largest first, so the twelve largest never share a colour.
 */
const COMMUNITY_COLOURS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d', '#ff9da6', '#439894', '#bab0ac', '#8c6bb1'] as const;
/** Nodes outside every community (passages, documents, types) when colouring by community. */
export const NO_COMMUNITY_COLOUR = '#9aa5b1';

export function communityColour(community: number | undefined): string {
  return community === undefined || community < 0 ? NO_COMMUNITY_COLOUR : COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length]!;
}
