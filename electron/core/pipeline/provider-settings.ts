/**
 * Whose provider settings process a dataset's content. The rule (SECURITY.md, issue 12): every
 * step that sends a dataset's text or query to a model — cognify's extraction and embedding,
 * re-embed, and the query embedding of a search — uses the settings of the dataset's OWNER,
 * never those of the profile that triggered it. Otherwise a grantee with only `write` could
 * point its own embedder at a server it controls and have the owner's text sent there.
 *
 * The owner's settings are read when the work starts, not snapshotted on the dataset row:
 * only the owner can change them (settings.set writes the caller's own row), `datasets.owner_id`
 * never moves, and the vectors' embedder is recorded on the dataset (embedder_id), so a later
 * change of the owner's embedder is refused at write time and asks for a re-embed. A snapshot
 * would copy the owner's API keys into every dataset row and go stale when the owner switches
 * provider, with no benefit a grantee could not already get.
 */
import type { Settings } from '../../../shared/contract/settings';
import { SettingsSchema } from '../../../shared/contract/settings';
import type { UserId } from '../../../shared/domain/ids';
import type { Store } from '../store';
import type { DatasetRow } from '../store/repos/datasets-repo';

/** A profile's provider settings; a stored document that no longer validates falls back to the defaults (all local). */
export async function providerSettingsOf(store: Store, userId: UserId): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await store.settings.get(userId)) ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

/** The settings that process `dataset`'s content: its owner's. */
export function processingSettingsFor(store: Store, dataset: Pick<DatasetRow, 'owner_id'>): Promise<Settings> {
  return providerSettingsOf(store, dataset.owner_id);
}
