import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { DocTextStore } from '../../../../electron/worker/pipeline/doc-text-store';

const ID = '0b9f2c1e-5a57-4c53-9f0e-2f1d8f3f6a10';

describe('DocTextStore headings', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const store = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-doctext-'));
    dirs.push(dir);
    return { dir, docs: new DocTextStore(dir) };
  };
  const text = 'Backup\n\nRecovering\n\nReplay the log.';
  const headings = [
    { level: 1, text: 'Backup', start: 0, end: 6 },
    { level: 2, text: 'Recovering', start: 8, end: 18 },
  ];

  it('answers the heading path at offsets of several items, and nothing for an item without headings', async () => {
    const { docs } = store();
    await docs.write(ID, text, headings);
    const other = ID.replace(/0$/, '1');
    await docs.write(other, 'plain');
    expect(await docs.headingPathsAt([{ dataId: ID, start: 20 }, { dataId: ID, start: 0 }, { dataId: other, start: 0 }])).toEqual([['Backup', 'Recovering'], ['Backup'], []]);
  });

  it('drops stale headings when the item is rewritten without them, and on delete', async () => {
    const { dir, docs } = store();
    await docs.write(ID, text, headings);
    await docs.write(ID, 'now plain text');
    expect(await docs.headingIndex(ID)).toBeNull();
    await docs.write(ID, text, headings);
    await docs.delete(ID);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
