/**
 * Issue 17, item 7: turning passages on took 3.2 s on a large dataset and the checkbox stayed
 * unticked the whole time, so people clicked it again (and turned them off). The filter now
 * shows the choice at once and the read follows.
 */
import { describe, expect, it } from 'vitest';

import { createAppStore } from '../../../renderer/src/store/createAppStore';
import { FakeClient } from './fake-client';
import { graph, ID } from './samples';

describe('graph type filter', () => {
  it('ticks "Passages" before the passages arrive, and keeps it ticked once they do', async () => {
    let release: () => void = () => undefined;
    let reads = 0;
    const client = new FakeClient()
      .handle('graph.counts', () => ({ Document: 10, DocumentChunk: 5000, Entity: 3000, EntityType: 5, TextSummary: 10 }))
      .handle('graph.read', async () => {
        if (++reads === 2) await new Promise<void>((r) => (release = r));
        return graph([], [], { truncated: true, totalNodes: 3015 });
      });
    const store = createAppStore(client);
    await store.getState().loadGraph(ID.d1);
    expect(store.getState().hiddenTypes).toContain('DocumentChunk');
    const showing = store.getState().toggleType('DocumentChunk');
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toBe(2); // the read is under way…
    expect(store.getState().hiddenTypes).not.toContain('DocumentChunk'); // …and the box is already ticked
    release();
    await showing;
    expect(store.getState().hiddenTypes).not.toContain('DocumentChunk');
  });
});
