/**
 * Wheel and trackpad zoom at the speed people expect: ~1.2× per mouse-wheel notch, in proportion
 * for the small deltas of a trackpad, and pinches (which browsers send as ctrl + wheel) at the
 * browser's own page-zoom rate. Cytoscape's built-in wheel zoom is replaced, not tuned: it clamps
 * the first events and then divides by the notch size it detects, so a mouse wheel moved ~1.4 %
 * a notch at the sensitivity the view had (0.3), and no one setting suits wheel and trackpad both.
 */
import type { Core } from 'cytoscape';

/** Pixels a line- or page-mode wheel event stands for (Firefox sends lines). */
const LINE_PX = 40;
const PAGE_PX = 800;
/** Per pixel of wheel travel: a 100 px notch zooms by e^0.18 ≈ 1.2. */
const WHEEL_RATE = 0.0018;
/** Per pixel of pinch (ctrl + wheel), as browsers zoom pages. */
const PINCH_RATE = 0.01;
/** One event never zooms more than this many pixels' worth (some mice send huge deltas). */
const MAX_PX = 240;

/** The zoom factor for one wheel event (> 1 zooms in). */
export function wheelZoomFactor(e: Readonly<{ deltaY: number; deltaMode: number; ctrlKey: boolean }>): number {
  const px = e.deltaMode === 1 ? e.deltaY * LINE_PX : e.deltaMode === 2 ? e.deltaY * PAGE_PX : e.deltaY;
  const clamped = Math.max(-MAX_PX, Math.min(MAX_PX, px));
  return Math.exp(-clamped * (e.ctrlKey ? PINCH_RATE : WHEEL_RATE));
}

/**
 * Zooms `cy` about the pointer on wheel events over `wrap` (the canvas's parent), and keeps them
 * from cytoscape's own handler (a capture listener on the parent runs first). Returns the remover.
 */
export function installWheelZoom(cy: Core, wrap: HTMLElement): () => void {
  const onWheel = (e: WheelEvent) => {
    if (e.deltaY === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const rect = wrap.getBoundingClientRect();
    cy.zoom({ level: cy.zoom() * wheelZoomFactor(e), renderedPosition: { x: e.clientX - rect.left, y: e.clientY - rect.top } });
  };
  wrap.addEventListener('wheel', onWheel, { capture: true, passive: false });
  return () => wrap.removeEventListener('wheel', onWheel, { capture: true });
}
