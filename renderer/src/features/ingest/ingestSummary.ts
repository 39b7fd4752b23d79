/** The ingest panel's header line, from the list's stages (pure, unit-testable). */
import { plural } from '../../ui/format';
import type { IngestItem } from './ingestItems';
import { FINAL_STAGES } from './stages';

export type IngestCounts = Readonly<{ total: number; active: number; done: number; cancelled: number; failed: number; rejected: number; duplicate: number }>;

export function countIngest(items: readonly IngestItem[]): IngestCounts {
  const n = (stage: IngestItem['stage']) => items.filter((i) => i.stage === stage).length;
  return {
    total: items.length,
    active: items.filter((i) => !FINAL_STAGES.has(i.stage)).length,
    done: n('done'),
    cancelled: n('cancelled'),
    failed: n('error'),
    rejected: n('rejected'),
    duplicate: n('duplicate'),
  };
}

/**
 * "Adding 5 files… · 3 rejected" while files are under way; "3 of 13 processed · 10 cancelled"
 * once nothing is. Every file is in exactly one of the counts, so nothing is claimed that did
 * not happen (a cancelled file is never "added").
 */
export function ingestTitle(c: IngestCounts): string {
  const head = c.active > 0 ? `Adding ${plural(c.active, 'file')}…` : `${c.done} of ${plural(c.total, 'file')} processed`;
  const tail = [
    c.active > 0 && c.done > 0 && `${c.done} processed`,
    c.cancelled > 0 && `${c.cancelled} cancelled`,
    c.failed > 0 && `${c.failed} failed`,
    c.rejected > 0 && `${c.rejected} rejected`,
    c.duplicate > 0 && `${c.duplicate} already in the dataset`,
  ].filter(Boolean);
  return [head, ...tail].join(' · ');
}
