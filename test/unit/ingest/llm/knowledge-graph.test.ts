import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { parseKnowledgeGraph, toSnakeCase } from '../../../../electron/worker/ingest/llm/knowledge-graph';

describe('parseKnowledgeGraph', () => {
  it('accepts the plain shape and normalises relationship names', () => {
    const g = parseKnowledgeGraph(
      JSON.stringify({
        nodes: [
          { name: 'Marie Curie', type: 'Person', description: 'A physicist.' },
          { name: 'Polonium', type: 'Element', description: 'A chemical element.' },
        ],
        edges: [{ source: 'Marie Curie', target: 'polonium', relationship_name: 'Discovered' }],
      }),
    );
    expect(g.nodes.map((n) => n.name)).toEqual(['Marie Curie', 'Polonium']);
    expect(g.edges).toEqual([{ source: 'Marie Curie', target: 'Polonium', relationship_name: 'discovered' }]);
  });

  it("accepts Cognee's id-based shape, fences and a wrapper object", () => {
    const reply = '```json\n' + JSON.stringify({
      knowledge_graph: {
        nodes: [
          { id: 'n1', name: 'Ada Lovelace', type: 'Person', description: 'Mathematician.' },
          { id: 'n2', name: 'Analytical Engine', type: 'Machine', description: null },
        ],
        edges: [{ source_node_id: 'n1', target_node_id: 'n2', relationship_name: 'wroteProgramFor' }],
      },
    }) + '\n```';
    const g = parseKnowledgeGraph(reply);
    expect(g.nodes[1]).toEqual({ name: 'Analytical Engine', type: 'Machine', description: '' });
    expect(g.edges).toEqual([{ source: 'Ada Lovelace', target: 'Analytical Engine', relationship_name: 'wrote_program_for' }]);
  });

  it('deduplicates nodes and edges and drops dangling edges', () => {
    const g = parseKnowledgeGraph(
      JSON.stringify({
        nodes: [
          { name: 'Paris', type: 'City', description: '' },
          { name: 'paris', type: 'City', description: 'Capital of France.' },
          { name: 'France', type: 'Country' },
        ],
        edges: [
          { source: 'Paris', target: 'France', relationship_name: 'capital of' },
          { source: 'paris', target: 'France', relationship_name: 'capital_of' },
          { source: 'Paris', target: 'Atlantis', relationship_name: 'near' },
        ],
      }),
    );
    expect(g.nodes).toEqual([
      { name: 'Paris', type: 'City', description: 'Capital of France.' },
      { name: 'France', type: 'Country', description: '' },
    ]);
    expect(g.edges).toEqual([{ source: 'Paris', target: 'France', relationship_name: 'capital_of' }]);
  });

  it('throws AppError for non-JSON and for JSON that is not a graph', () => {
    expect(() => parseKnowledgeGraph('Sure! Here is the graph: nodes are Paris and France.')).toThrow(/not JSON/);
    expect(() => parseKnowledgeGraph('{"entities": []}')).toThrow(/not a valid knowledge graph/);
    expect(() => parseKnowledgeGraph('{"nodes": [{"type": "Person"}]}')).toThrow(AppError);
    expect(() => parseKnowledgeGraph('{"nodes": [], "edges": [{"source": "a"}]}')).toThrow(/not a valid knowledge graph/);
  });

  it('snake_cases relationship names', () => {
    expect(toSnakeCase(' Works At ')).toBe('works_at');
    expect(toSnakeCase('bornIn')).toBe('born_in');
    expect(toSnakeCase('part-of')).toBe('part_of');
  });
});
