/** The graph canvas's pure parts: placing nodes the layout does not cover, choosing labels, wheel zoom. */
import { describe, expect, it } from 'vitest';

import { chooseLabels, countOverlaps, labelBox } from '../../../renderer/src/features/graph/labels';
import type { LabelCandidate, LabelRules } from '../../../renderer/src/features/graph/labels';
import { angleOf, PLACE_SPACING, placeNear } from '../../../renderer/src/features/graph/placement';
import { wheelZoomFactor } from '../../../renderer/src/features/graph/wheelZoom';

describe('placeNear', () => {
  const known = new Map([
    ['e1', { x: 0, y: 0 }],
    ['e2', { x: 100, y: 0 }],
  ]);
  const at = (id: string) => known.get(id);
  const extent = { x: 50, y: 0, r: 50 };

  it('puts a node one spacing from the middle of its placed neighbours, and moves nothing placed', () => {
    const out = placeNear(['chunk'], [{ source: 'chunk', target: 'e1' }, { source: 'chunk', target: 'e2' }], at, extent);
    expect([...out.keys()]).toEqual(['chunk']);
    const p = out.get('chunk')!;
    expect(Math.hypot(p.x - 50, p.y - 0)).toBeCloseTo(PLACE_SPACING, 5);
    expect(Math.atan2(p.y, p.x - 50)).toBeCloseTo(angleOf('chunk') > Math.PI ? angleOf('chunk') - 2 * Math.PI : angleOf('chunk'), 5);
  });

  it('reaches chains (a document through its passage) and rings what relates to nothing placed', () => {
    const out = placeNear(['doc', 'chunk', 'lonely'], [{ source: 'chunk', target: 'doc' }, { source: 'chunk', target: 'e1' }], at, extent);
    expect(Math.hypot(out.get('chunk')!.x, out.get('chunk')!.y)).toBeCloseTo(PLACE_SPACING, 5);
    const doc = out.get('doc')!;
    expect(Math.hypot(doc.x - out.get('chunk')!.x, doc.y - out.get('chunk')!.y)).toBeCloseTo(PLACE_SPACING, 5);
    const lonely = out.get('lonely')!;
    expect(Math.hypot(lonely.x - extent.x, lonely.y - extent.y)).toBeGreaterThan(extent.r);
  });
});

describe('chooseLabels', () => {
  const rules: LabelRules = { viewport: { w: 800, h: 600 }, widthPerPx: (t) => t.length * 0.6, minFontPx: 8, maxLabels: 100, pad: 3, gap: 3 };
  const cand = (id: string, x: number, y: number, priority: number, over: Partial<LabelCandidate> = {}): LabelCandidate => ({
    id,
    text: id,
    x,
    y,
    radius: 5,
    fontPx: 12,
    priority,
    placement: 'below',
    ...over,
  });

  it('keeps the more important of two colliding labels, and both when apart', () => {
    expect([...chooseLabels([cand('minor', 100, 100, 1), cand('major', 110, 102, 9)], rules)]).toEqual(['major']);
    expect(chooseLabels([cand('left', 100, 100, 1), cand('right', 400, 100, 2)], rules).size).toBe(2);
  });

  it('skips labels too small to read, off screen, or past the cap', () => {
    expect(chooseLabels([cand('tiny', 100, 100, 1, { fontPx: 5 }), cand('away', -500, 100, 1)], rules).size).toBe(0);
    const many = Array.from({ length: 50 }, (_, i) => cand(`n${i}`, (i % 10) * 80 + 20, Math.floor(i / 10) * 100 + 20, i));
    expect(chooseLabels(many, { ...rules, maxLabels: 7 }).size).toBe(7);
  });

  it('leaves no two chosen labels overlapping, on a crowded canvas', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const crowd = Array.from({ length: 600 }, (_, i) => cand(`node ${i}`, rnd() * 800, rnd() * 600, rnd(), { fontPx: 8 + rnd() * 10, placement: i % 40 === 0 ? 'centre' : 'below' }));
    const chosen = chooseLabels(crowd, rules);
    expect(chosen.size).toBeGreaterThan(20);
    const boxes = crowd.filter((c) => chosen.has(c.id)).map((c) => labelBox(c, rules));
    expect(countOverlaps(boxes)).toBe(0);
  });
});

describe('wheelZoomFactor', () => {
  it('zooms ~1.2× per mouse-wheel notch either way, whatever the delta mode', () => {
    expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1.197, 2);
    expect(wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1 / 1.197, 2);
    expect(wheelZoomFactor({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeGreaterThan(1.2); // Firefox: three lines
  });
  it('follows a trackpad’s small deltas and a pinch at page-zoom rate, and caps runaway deltas', () => {
    expect(wheelZoomFactor({ deltaY: -4, deltaMode: 0, ctrlKey: false })).toBeCloseTo(1.0072, 3);
    expect(wheelZoomFactor({ deltaY: -10, deltaMode: 0, ctrlKey: true })).toBeCloseTo(Math.exp(0.1), 5);
    expect(wheelZoomFactor({ deltaY: -100_000, deltaMode: 0, ctrlKey: false })).toBeLessThan(1.6);
  });
});
