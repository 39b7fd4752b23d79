/** The cytoscape stylesheet, built from the page's theme variables. */
import type { StylesheetJson } from 'cytoscape';

import { MIN_LABEL_PX } from './lod';

/** The labels' font: labels.ts measures text with the same one. */
export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Pixels between a node and its label below (at zoom 1; labels.ts scales it). */
export const LABEL_GAP = 3;
/** The labels' outline (the background colour round the letters), at zoom 1. */
export const LABEL_OUTLINE = 2;
export const CLUSTER_OUTLINE = 3;
export const CLUSTER_FONT_WEIGHT = 600;

/** Reads a CSS variable from the document (falls back for tests / missing themes). */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export type ColourBy = 'type' | 'community';
export type StyleOptions = Readonly<{ large: boolean; colourBy: ColourBy }>;

/**
 * Nodes have no label unless the label pass (useLabels.ts) gives them `labelled`, or they are
 * selected or hovered (the pass makes room for those first). `min-zoomed-font-size` matches the pass's
 * smallest readable size. Clusters sit under everything (manual z-order) and fade to an outline
 * once open. Sizes and font sizes come from the data (importance).
 */
export function graphStyle(o: StyleOptions): StylesheetJson {
  const text = cssVar('--text', '#222');
  const bg = cssVar('--bg', '#fff');
  const edge = cssVar('--border', '#ccc');
  const accent = cssVar('--accent', '#36c');
  const colour = o.colourBy === 'community' ? 'data(communityColor)' : 'data(typeColor)';
  return [
    {
      selector: 'node',
      style: {
        'background-color': colour,
        label: '',
        color: text,
        'font-family': LABEL_FONT,
        'font-size': 'data(labelSize)',
        'min-zoomed-font-size': MIN_LABEL_PX,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_GAP,
        'text-outline-color': bg,
        'text-outline-width': LABEL_OUTLINE,
        width: 'data(size)',
        height: 'data(size)',
        'z-index-compare': 'manual',
        'z-index': 2,
      },
    },
    { selector: 'node.labelled, node:selected, node.hover', style: { label: 'data(name)' } },
    { selector: 'node.Document', style: { shape: 'round-rectangle' } },
    { selector: 'node.EntityType', style: { shape: 'diamond' } },
    {
      selector: 'node.cluster',
      style: {
        'background-opacity': 0.13,
        'border-width': 2,
        'border-color': 'data(communityColor)',
        'border-opacity': 0.45,
        'text-valign': 'center',
        'text-margin-y': 0,
        'font-weight': CLUSTER_FONT_WEIGHT,
        'text-outline-width': CLUSTER_OUTLINE,
        'z-index': 0,
      },
    },
    { selector: 'node.cluster.open', style: { 'background-opacity': 0.04, 'border-opacity': 0.25, events: 'no' } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': edge,
        opacity: o.large ? 0.25 : 0.7,
        'curve-style': o.large ? 'haystack' : 'bezier',
        'target-arrow-shape': o.large ? 'none' : 'triangle',
        'target-arrow-color': edge,
        'arrow-scale': 0.6,
        'z-index-compare': 'manual',
        'z-index': 1,
        // Nothing happens on an edge, and edges cross clusters: a click there is for the cluster.
        events: 'no',
      },
    },
    { selector: 'node.hood', style: { 'border-width': 2, 'border-color': accent, 'z-index': 8 } },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': accent, 'font-weight': 'bold', 'z-index': 9 } },
    { selector: 'edge.hood', style: { 'line-color': accent, 'target-arrow-color': accent, width: 2, opacity: 1, 'z-index': 7 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': accent, 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.near', style: { 'line-color': accent, 'target-arrow-color': accent, width: 2, opacity: 1, 'z-index': 7 } },
  ];
}
