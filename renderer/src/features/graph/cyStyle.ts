/** The cytoscape stylesheet, built from the page's theme variables at mount time. */
import type { StylesheetJson } from 'cytoscape';

/** Reads a CSS variable from the document (falls back for tests / missing themes). */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * Labels disappear below a rendered font size (cytoscape's `min-zoomed-font-size`), which is
 * the zoom threshold of the level-of-detail path: zoomed out, only shapes are drawn.
 */
export function graphStyle(large: boolean): StylesheetJson {
  const text = cssVar('--text', '#222');
  const bg = cssVar('--bg', '#fff');
  const edge = cssVar('--border', '#ccc');
  const accent = cssVar('--accent', '#36c');
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        label: 'data(label)',
        color: text,
        'font-size': 10,
        'min-zoomed-font-size': large ? 9 : 5,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': bg,
        'text-outline-width': 2,
        width: 18,
        height: 18,
      },
    },
    { selector: 'node.Document', style: { shape: 'round-rectangle', width: 26, height: 22 } },
    { selector: 'node.DocumentChunk, node.TextSummary', style: { width: 10, height: 10 } },
    { selector: 'node.EntityType', style: { shape: 'diamond', width: 14, height: 14 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': edge,
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'target-arrow-color': edge,
        'arrow-scale': 0.6,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': accent, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.near', style: { 'line-color': accent, 'target-arrow-color': accent, width: 2 } },
  ];
}
