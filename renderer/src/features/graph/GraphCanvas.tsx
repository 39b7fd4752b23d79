import { useRef } from 'react';

import type { GraphData } from '../../store/views';
import { onGraphKey, ZoomToolbar } from './GraphControls';
import { useCytoscape } from './useCytoscape';
import { useGraphElements, useShowElements } from './useGraphElements';

type Props = Readonly<{
  graph: GraphData;
  hiddenTypes: readonly string[];
  selectedNodeId: string | null;
  focus: { nodeId: string; tick: number } | null;
  onSelect: (nodeId: string | null) => void;
  onExpand: (nodeId: string) => void;
}>;

/**
 * The cytoscape canvas (loaded lazily: cytoscape is most of the bundle). Keyboard: + / - zoom,
 * arrows pan, 0 fits. Layouts never animate; see lod.ts for the size thresholds.
 */
export default function GraphCanvas({ graph, hiddenTypes, selectedNodeId, focus, onSelect, onExpand }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useCytoscape(box, { onSelect, onExpand });
  const elements = useGraphElements(graph, hiddenTypes, selectedNodeId);
  useShowElements(cyRef, elements, selectedNodeId, focus);

  return (
    <div className="graph-canvas-wrap">
      <div
        ref={box}
        className="graph-canvas"
        data-testid="graph-canvas"
        tabIndex={0}
        role="application"
        aria-label="Knowledge graph. Plus and minus zoom, arrow keys pan, 0 fits the whole graph. Use Find node to reach a node by name."
        onKeyDown={(e) => onGraphKey(cyRef.current, e)}
      />
      <ZoomToolbar cy={() => cyRef.current} />
    </div>
  );
}
