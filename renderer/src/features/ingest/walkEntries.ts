/** A file picked or dropped, with its path inside a dropped folder (for display). */
export type PickedFile = Readonly<{ file: File; path: string }>;

/** Names nobody means to ingest (OS metadata written into folders). */
const IGNORED = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i;

/**
 * Collects files from a drop, walking dropped folders. Must be called synchronously inside
 * the drop handler: the browser empties `items` once the event returns, so the entries are
 * taken first and read afterwards. Synthetic drops (and some platforms) give no entries:
 * `files` is the fallback.
 */
export function collectDrop(dt: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files ?? []));
  return (async () => {
    const out: PickedFile[] = loose.map((file) => ({ file, path: file.name }));
    for (const e of entries) out.push(...(await walk(e, '')));
    return out.filter((p) => !IGNORED.test(p.file.name));
  })();
}

/** Files from an `<input type=file>` (with `webkitdirectory` the relative path is kept). */
export function fromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .filter((f) => !IGNORED.test(f.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

async function walk(entry: FileSystemEntry, prefix: string): Promise<PickedFile[]> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const out: PickedFile[] = [];
  for (const c of children) out.push(...(await walk(c, path)));
  return out;
}
