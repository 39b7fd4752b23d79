/**
 * What the overview says about each community: where it is (centroid, and a radius most members
 * fall within, so a bubble drawn there covers them), and what it is about (its most central
 * entities' names). Dates make poor names for a cluster ("1862 · April"), so named things go first.
 */
import type { Community } from '../../../shared/domain/graph';
import type { LayoutData } from './layout-data';

const TOP_MEMBERS = 12;
const LABEL_NAMES = 3;
const LABEL_NAME_CHARS = 28;
/** The share of members a community's radius covers. */
const RADIUS_QUANTILE = 0.9;

/** The layout's per-entity columns, plus each entity's relation count. */
export type SummaryInput = Pick<LayoutData, 'ids' | 'names' | 'kinds' | 'x' | 'y' | 'community' | 'importance'> &
  Readonly<{
    /** Relations per entity: a community of entities related to nothing is named as such. */
    degree: ArrayLike<number>;
  }>;

/** Every community, largest first (ties by id). */
export function summarizeCommunities(d: SummaryInput): Community[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < d.ids.length; i++) {
    const c = d.community[i]!;
    const list = groups.get(c);
    if (list) list.push(i);
    else groups.set(c, [i]);
  }
  const out: Community[] = [];
  for (const [id, members] of groups) out.push(summarize(d, id, members));
  return out.sort((a, b) => b.size - a.size || a.id - b.id);
}

function summarize(d: SummaryInput, id: number, members: readonly number[]): Community {
  let sx = 0;
  let sy = 0;
  for (const i of members) {
    sx += d.x[i]!;
    sy += d.y[i]!;
  }
  const cx = sx / members.length;
  const cy = sy / members.length;
  const dist = members.map((i) => Math.hypot(d.x[i]! - cx, d.y[i]! - cy)).sort((a, b) => a - b);
  const radius = dist[Math.min(dist.length - 1, Math.floor(dist.length * RADIUS_QUANTILE))] ?? 0;
  const ranked = [...members].sort((a, b) => d.importance[b]! - d.importance[a]! || (d.ids[a]! < d.ids[b]! ? -1 : 1));
  return {
    id,
    size: members.length,
    x: round(cx),
    y: round(cy),
    radius: round(radius),
    label: members.every((i) => d.degree[i] === 0) && members.length > 1 ? `Unrelated: ${labelOf(d, ranked)}` : labelOf(d, ranked),
    topMemberIds: ranked.slice(0, TOP_MEMBERS).map((i) => d.ids[i]!),
  };
}

/** Up to three distinct names of the most central members, named things before dates. */
function labelOf(d: SummaryInput, ranked: readonly number[]): string {
  const named = ranked.filter((i) => d.kinds[i] !== 'date');
  const pool = [...named, ...ranked.filter((i) => d.kinds[i] === 'date')];
  const names: string[] = [];
  for (const i of pool) {
    const name = clip(d.names[i] ?? '');
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
    if (names.length === LABEL_NAMES) break;
  }
  return names.join(' · ');
}

function clip(name: string): string {
  const s = name.replace(/\s+/g, ' ').trim();
  return s.length > LABEL_NAME_CHARS ? `${s.slice(0, LABEL_NAME_CHARS - 1)}…` : s;
}

const round = (v: number) => Math.round(v * 10) / 10;
