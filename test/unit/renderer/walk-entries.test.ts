import { describe, expect, it } from 'vitest';

import { collectDrop, fromInput } from '../../../renderer/src/features/ingest/walkEntries';

/** Minimal FileSystemEntry fakes: a dropped folder as the browser hands it over. */
const fileEntry = (name: string) => ({ name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([name], name)) });
function dirEntry(name: string, children: unknown[]) {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      // Hands out at most two entries per call, like Chromium's 100-entry pages.
      let i = 0;
      return { readEntries: (ok: (batch: unknown[]) => void) => ok(children.slice(i, (i += 2))) };
    },
  };
}
const item = (entry: unknown, file: File | null = null) => ({ kind: 'file', webkitGetAsEntry: () => entry, getAsFile: () => file });
const transfer = (items: unknown[], files: File[] = []) => ({ items, files }) as unknown as DataTransfer;

describe('collectDrop', () => {
  it('walks dropped folders (all pages of entries), keeping relative paths and skipping OS litter', async () => {
    const dt = transfer([
      item(fileEntry('top.txt')),
      item(dirEntry('docs', [fileEntry('a.md'), fileEntry('.DS_Store'), dirEntry('deep', [fileEntry('b.csv')]), fileEntry('c.html')])),
    ]);
    const picked = await collectDrop(dt);
    expect(picked.map((p) => p.path)).toEqual(['top.txt', 'docs/a.md', 'docs/deep/b.csv', 'docs/c.html']);
  });

  it('falls back to the files list when the drop carries no entries (synthetic drops)', async () => {
    const f = new File(['x'], 'plain.txt');
    expect((await collectDrop(transfer([item(null, f)]))).map((p) => p.path)).toEqual(['plain.txt']);
    expect((await collectDrop(transfer([], [f]))).map((p) => p.path)).toEqual(['plain.txt']);
  });
});

describe('fromInput', () => {
  it('keeps the folder-relative path from a folder picker', () => {
    const f = new File(['x'], 'a.txt');
    Object.defineProperty(f, 'webkitRelativePath', { value: 'notes/a.txt' });
    expect(fromInput([f] as unknown as FileList).map((p) => p.path)).toEqual(['notes/a.txt']);
  });
});
