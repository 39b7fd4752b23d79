/**
 * The version a layout is stamped with: the entity graph's sizes and a hash of the items written
 * into it. Any cognify or forget changes the items (or, on a re-run, the sizes), so a stored
 * layout whose stamp differs from the graph's is stale and is laid out again.
 */
import { createHash } from 'node:crypto';

import type { EntityGraphVersion } from '../stores';

export function layoutVersion(v: EntityGraphVersion): string {
  const h = createHash('sha256');
  for (const id of [...v.items].sort()) h.update(id).update('\n');
  return `${v.entities}n.${v.relations}e.${h.digest('hex').slice(0, 16)}`;
}
