/**
 * Which nodes get a label, at rest: greedily by priority (clusters, then the most important
 * entities), each label kept only if its box on screen overlaps no label already kept. So
 * there are no overlapping labels whatever the zoom, and more labels appear as room appears.
 * Pure: positions come in (screen pixels), ids go out; useLabels.ts reads them off cytoscape.
 */
export type LabelCandidate = Readonly<{
  id: string;
  text: string;
  /** Node centre on screen. */
  x: number;
  y: number;
  /** Node radius on screen (a `below` label starts under it). */
  radius: number;
  /** Label font size on screen. */
  fontPx: number;
  priority: number;
  /** `below` the node (entities), or `centre`d on it (clusters). */
  placement: 'below' | 'centre';
  /** Drawn bold (clusters): measured so. */
  bold?: boolean;
}>;

export type Box = Readonly<{ x1: number; y1: number; x2: number; y2: number }>;

export type LabelRules = Readonly<{
  viewport: Readonly<{ w: number; h: number }>;
  /** Width of `text` at 1 px font size (the caller measures with the canvas's font). */
  widthPerPx: (text: string, bold: boolean) => number;
  minFontPx: number;
  maxLabels: number;
  /**
   * Pixels added round each label: cytoscape's own label box is the text grown by its outline
   * width plus a 2-unit margin of error on each side (scaled by zoom), and it is that box the
   * overlap check measures.
   */
  pad: number;
  /** Gap between a node and its label below (cytoscape's text-margin-y), in pixels. */
  gap: number;
}>;

const CELL = 96;

/** The ids to label. Candidates with the same priority keep their input order. */
export function chooseLabels(candidates: readonly LabelCandidate[], rules: LabelRules): Set<string> {
  const order = [...candidates.keys()].sort((a, b) => candidates[b]!.priority - candidates[a]!.priority || a - b);
  const grid = new Map<string, Box[]>();
  const chosen = new Set<string>();
  for (const k of order) {
    if (chosen.size >= rules.maxLabels) break;
    const c = candidates[k]!;
    if (!c.text || c.fontPx < rules.minFontPx) continue;
    const box = labelBox(c, rules);
    if (box.x2 < 0 || box.y2 < 0 || box.x1 > rules.viewport.w || box.y1 > rules.viewport.h) continue;
    if (collides(grid, box)) continue;
    insert(grid, box);
    chosen.add(c.id);
  }
  return chosen;
}

/** Where cytoscape draws the label (one line, centred horizontally), grown by `pad`. */
export function labelBox(c: LabelCandidate, rules: Pick<LabelRules, 'widthPerPx' | 'pad' | 'gap'>): Box {
  // As cytoscape sizes a label (calculateLabelDimensions): the measured width rounded up, 1 em tall.
  const w = Math.ceil(rules.widthPerPx(c.text, c.bold ?? false) * c.fontPx);
  const h = c.fontPx;
  const top = c.placement === 'centre' ? c.y - h / 2 : c.y + c.radius + rules.gap;
  return { x1: c.x - w / 2 - rules.pad, y1: top - rules.pad, x2: c.x + w / 2 + rules.pad, y2: top + h + rules.pad };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function cellsOf(b: Box): string[] {
  const out: string[] = [];
  for (let gx = Math.floor(b.x1 / CELL); gx <= Math.floor(b.x2 / CELL); gx++) for (let gy = Math.floor(b.y1 / CELL); gy <= Math.floor(b.y2 / CELL); gy++) out.push(`${gx},${gy}`);
  return out;
}

function collides(grid: Map<string, Box[]>, box: Box): boolean {
  return cellsOf(box).some((cell) => (grid.get(cell) ?? []).some((other) => overlaps(box, other)));
}

function insert(grid: Map<string, Box[]>, box: Box): void {
  for (const cell of cellsOf(box)) (grid.get(cell) ?? grid.set(cell, []).get(cell)!).push(box);
}

/** Pairs of boxes that overlap (for measuring a drawn canvas). */
export function countOverlaps(boxes: readonly Box[]): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) n++;
  return n;
}
