/**
 * Structured knowledge-graph extraction with the optional LLM (Cognee's KnowledgeGraph:
 * nodes with name/type/description, edges with relationship names), mapped onto the same
 * Extraction shape the offline extractor produces. Used only when the user enabled an LLM.
 */
import type { EntityKind } from '../../../shared/domain/graph';
import type { OpenAiChatClient } from '../ingest/llm';
import { toSnakeCase } from '../ingest/llm';
import type { Chunk, ExtractedEntity, ExtractedRelation, Extraction, Mention } from '../ingest/types';

const KIND_WORDS: ReadonlyArray<[RegExp, EntityKind]> = [
  [/person|people|human|author|scientist/i, 'person'],
  [/place|location|city|country|region|geo/i, 'place'],
  [/org|company|institution|university|agency|team/i, 'organization'],
  [/date|time|year|period|era/i, 'date'],
];

export function kindOf(type: string): EntityKind {
  for (const [re, kind] of KIND_WORDS) if (re.test(type)) return kind;
  return 'concept';
}

export const keyOf = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();

export async function extractWithLlm(chat: OpenAiChatClient, chunks: readonly Chunk[], signal?: AbortSignal): Promise<Extraction> {
  const entities = new Map<string, { name: string; kind: EntityKind; description: string; mentions: Mention[] }>();
  const relations: ExtractedRelation[] = [];
  for (const chunk of chunks) {
    if (signal?.aborted) break;
    const kg = await chat.extractGraph(chunk.text, { signal });
    for (const n of kg.nodes) {
      const key = keyOf(n.name);
      if (!key) continue;
      const at = chunk.text.toLowerCase().indexOf(key);
      const mention: Mention = at >= 0 ? { chunkIndex: chunk.index, start: chunk.start + at, end: chunk.start + at + key.length } : { chunkIndex: chunk.index, start: chunk.start, end: chunk.end };
      const prev = entities.get(key);
      if (prev) prev.mentions.push(mention);
      else entities.set(key, { name: n.name, kind: kindOf(n.type), description: n.description, mentions: [mention] });
    }
    for (const e of kg.edges) {
      const s = keyOf(e.source);
      const t = keyOf(e.target);
      if (entities.has(s) && entities.has(t)) relations.push({ sourceKey: s, targetKey: t, relation: toSnakeCase(e.relationship_name) || 'related_to', chunkIndex: chunk.index, weight: 1 });
    }
  }
  const list: ExtractedEntity[] = [...entities.entries()].map(([key, e]) => ({ key, ...e }));
  return { entities: list, relations };
}
