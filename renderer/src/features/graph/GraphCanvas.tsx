import { useRef } from 'react';

import type { GraphData } from '../../store/views';
import type { ColourBy } from './cyStyle';
import { onGraphKey, ZoomToolbar } from './GraphControls';
import type { Community } from './lod';
import { clusterId } from './toElements';
import { useCytoscape } from './useCytoscape';
import { useGraphElements, useShowElements } from './useGraphElements';

type Props = Readonly<{
  graph: GraphData;
  hiddenTypes: readonly string[];
  selectedNodeId: string | null;
  focus: { nodeId: string; tick: number } | null;
  onSelect: (nodeId: string | null) => void;
  onExpand: (nodeId: string) => void;
  /** The overview's communities, drawn as clusters; none without a stored layout. */
  communities?: readonly Community[];
  /** Communities whose members are loaded (their cluster is drawn open). */
  openCommunities?: readonly number[];
  onOpenCluster?: (community: number) => void;
  colourBy?: ColourBy;
}>;

const NONE: readonly never[] = [];
/** Elements above which edges are drawn as straight, arrowless lines (cheaper to draw). */
const LARGE = 1000;

/**
 * The cytoscape canvas (loaded lazily: cytoscape is most of the bundle). Keyboard: + / - zoom,
 * arrows pan, 0 fits. Nodes sit where the dataset's stored layout put them; nothing is laid out
 * here unless the dataset has no layout (see lod.ts and useGraphElements.ts).
 */
export default function GraphCanvas(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const elements = useGraphElements(p.graph, p.hiddenTypes, p.communities ?? NONE, p.openCommunities ?? NONE);
  const cyRef = useCytoscape(
    box,
    {
      onSelect: p.onSelect,
      onExpand: p.onExpand,
      onOpenCluster: (community, zoomTo) => {
        const cy = cyRef.current;
        const cluster = cy?.getElementById(clusterId(community));
        if (zoomTo && cy && cluster?.nonempty()) cy.animate({ fit: { eles: cluster, padding: 30 } }, { duration: 250 });
        p.onOpenCluster?.(community);
      },
    },
    { colourBy: p.colourBy ?? 'type', large: elements.length > LARGE },
  );
  useShowElements(cyRef, elements, p.selectedNodeId, p.focus);

  return (
    <div className="graph-canvas-wrap">
      <div
        ref={box}
        className="graph-canvas"
        data-testid="graph-canvas"
        tabIndex={0}
        role="application"
        aria-label="Knowledge graph. Plus and minus zoom, arrow keys pan, 0 fits the whole graph. Click a cluster to open it. Use Find node to reach a node by name."
        onKeyDown={(e) => onGraphKey(cyRef.current, e)}
      />
      <ZoomToolbar cy={() => cyRef.current} />
    </div>
  );
}
