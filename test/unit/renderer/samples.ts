/** Small, valid contract values for renderer tests. */
import type { Dataset, GraphData, User } from '../../../renderer/src/store/views';

export const ID = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  d1: '00000000-0000-4000-8000-0000000000d1',
  d2: '00000000-0000-4000-8000-0000000000d2',
  x1: '00000000-0000-4000-8000-0000000000f1',
  x2: '00000000-0000-4000-8000-0000000000f2',
} as const;

export function user(email: string, id: string = ID.a, usesDefaultPassword = false): User {
  return { id, email, tenantId: null, isSuperuser: false, isDefault: false, usesDefaultPassword, createdAt: '2025-01-01T00:00:00Z' };
}

export function dataset(id: string, name: string, over: Partial<Dataset> = {}): Dataset {
  return {
    id,
    name,
    ownerId: ID.a,
    ownerEmail: 'a@example.com',
    tenantId: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    permissions: { read: true, write: true, delete: true, share: true },
    isOwner: true,
    status: 'empty',
    dataCount: 0,
    ...over,
  };
}

export const READ_ONLY = { read: true, write: false, delete: false, share: false };

export function graph(nodes: GraphData['nodes'], edges: GraphData['edges'] = [], over: Partial<GraphData> = {}): GraphData {
  return { nodes, edges, truncated: false, totalNodes: nodes.length, totalEdges: edges.length, ...over };
}
