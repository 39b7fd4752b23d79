import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../electron/worker/ingest/chunk';
import { parseDocument } from '../../../electron/worker/ingest/parse';
import { DOCX_PACKAGE_PARTS, documentXml } from '../../fixtures/docx';
import { makePdf } from '../../fixtures/pdf';
import { makeZip } from '../../fixtures/zip';
import { expectInvalid } from './expect-invalid';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseDocument on hostile or broken input', () => {
  it('refuses a 0-byte file', async () => {
    await expectInvalid(() => parseDocument(new Uint8Array(0), 'empty.pdf'), /empty\.pdf is empty/);
  });

  it('refuses a corrupt PDF and a truncated one', async () => {
    await expectInvalid(() => parseDocument(utf8('%PDF-1.7\nthis is not really a pdf\n%%EOF'), 'broken.pdf'), /broken\.pdf/);
    const real = makePdf([['Marie Curie was born in Warsaw.']]);
    await expectInvalid(() => parseDocument(real.subarray(0, 60), 'truncated.pdf'), /truncated\.pdf/);
  });

  it('refuses a zip bomb disguised as DOCX before decompressing it', async () => {
    // 64 MB of zeros deflates to ~64 KB: a 1000:1 ratio, honest sizes.
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = makeZip([...DOCX_PACKAGE_PARTS, { name: 'word/document.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().arrayBuffers;
    await expectInvalid(() => parseDocument(bomb, 'invoice.docx'), /invoice\.docx .*possible zip bomb/);
    // Nothing was inflated: external memory did not grow by the bomb's size.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a DOCX that lies about its uncompressed size', async () => {
    const xml = documentXml(['x'.repeat(200_000)]);
    const liar = makeZip([...DOCX_PACKAGE_PARTS, { name: 'word/document.xml', data: xml, declaredSize: 1000 }]);
    await expectInvalid(() => parseDocument(liar, 'liar.docx'), /declares word\/document\.xml smaller than it really is/);
  });

  it('refuses archives whose total declared size exceeds the cap', async () => {
    const doc = makeZip([...DOCX_PACKAGE_PARTS, { name: 'word/document.xml', data: documentXml(['Hello world.']) }]);
    await expectInvalid(() => parseDocument(doc, 'small.docx', { maxUncompressedBytes: 100 }), /would expand to more than/);
  });

  it('refuses a DOCX whose XML is garbage', async () => {
    const bad = makeZip([...DOCX_PACKAGE_PARTS, { name: 'word/document.xml', data: '<w:document><<<' }]);
    await expectInvalid(() => parseDocument(bad, 'garbage.docx'), /garbage\.docx/);
  });

  it('refuses a DOCX whose deflate stream is corrupt', async () => {
    const compressed = deflateRawSync(Buffer.from(documentXml(['Hello world.'])));
    compressed.fill(0xff, 2, 12);
    const bad = makeZip([...DOCX_PACKAGE_PARTS, { name: 'word/document.xml', data: '', raw: { compressed, size: 500 } }]);
    await expectInvalid(() => parseDocument(bad, 'corrupt.docx'), /corrupt\.docx/);
  });

  it('refuses binary data, invalid UTF-8, bad JSON and text-free documents', async () => {
    await expectInvalid(() => parseDocument(new Uint8Array([1, 2, 0, 4, 5]), 'data.txt'), /binary data/);
    await expectInvalid(() => parseDocument(new Uint8Array([0x48, 0x69, 0xc3, 0x28]), 'bad.md'), /not valid UTF-8/);
    await expectInvalid(() => parseDocument(utf8('{"a": '), 'bad.json'), /bad\.json is not valid JSON/);
    await expectInvalid(() => parseDocument(utf8('<html><body><script>x()</script></body></html>'), 'blank.html'), /contains no text/);
    await expectInvalid(() => parseDocument(makePdf([[]]), 'scan.pdf'), /no text \(a scanned PDF/);
  });

  it('parses and chunks a single 50 MB line without hanging', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61); // "aaaa…", no whitespace at all
    const doc = await parseDocument(bytes, 'one-line.txt');
    expect(doc.text.length).toBe(bytes.length);
    const chunks = chunkText(doc.text);
    expect(chunks.length).toBeGreaterThan(40_000);
    for (const c of [chunks[0]!, chunks[1]!, chunks[chunks.length - 1]!]) {
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(c.text).toBe(doc.text.slice(c.start, c.end));
    }
    expect(chunks[chunks.length - 1]!.end).toBe(doc.text.length);
  });
});
