import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../electron/worker/ingest/classify';
import { makeDocx } from '../../fixtures/docx';
import { makePdf } from '../../fixtures/pdf';
import { makeZip } from '../../fixtures/zip';
import { expectInvalid } from './expect-invalid';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('classifyDocument', () => {
  it('recognises each supported format from bytes and extension', () => {
    expect(classifyDocument(makePdf([['Hello']]), 'report.pdf')).toBe('pdf');
    expect(classifyDocument(makePdf([['Hello']]), 'no-extension')).toBe('pdf');
    expect(classifyDocument(makeDocx(['Hello']), 'letter.docx')).toBe('docx');
    expect(classifyDocument(utf8('<html><body>x</body></html>'), 'page.htm')).toBe('html');
    expect(classifyDocument(utf8('<!DOCTYPE html><p>x</p>'), 'page')).toBe('html');
    expect(classifyDocument(utf8('# Title\n\nText'), 'notes.md')).toBe('markdown');
    expect(classifyDocument(utf8('a,b\n1,2'), 'table.csv')).toBe('csv');
    expect(classifyDocument(utf8('{"a": 1}'), 'data.json')).toBe('json');
    expect(classifyDocument(utf8('{"a": 1}'), 'data')).toBe('json');
    expect(classifyDocument(utf8('Just words.'), 'notes.txt')).toBe('text');
    expect(classifyDocument(utf8('Just words.'), 'script.py')).toBe('text');
    expect(classifyDocument(utf8('MZ is a fine way to start a sentence.'), 'mz.txt')).toBe('text');
  });

  it('accepts UTF-16 text with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello there', 'utf16le')]);
    expect(classifyDocument(new Uint8Array(le), 'windows.txt')).toBe('text');
  });

  it('refuses images, executables and random bytes, naming what they are', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expectInvalid(() => classifyDocument(png, 'photo.png'), /photo\.png is a PNG image/);
    await expectInvalid(() => classifyDocument(png, 'renamed.txt'), /PNG image/);
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]);
    await expectInvalid(() => classifyDocument(elf, 'tool'), /ELF executable/);
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    await expectInvalid(() => classifyDocument(exe, 'setup.exe'), /Windows executable/);
    // Deterministic pseudo-random bytes (xorshift) so the test never flakes.
    const rnd = new Uint8Array(4096);
    let x = 0x12345678;
    for (let i = 0; i < rnd.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      rnd[i] = x & 0xff;
    }
    await expectInvalid(() => classifyDocument(rnd, 'blob.dat'), /binary data|not valid UTF-8/);
  });

  it('refuses binary data, invalid UTF-8, empty files and mislabelled files with clear messages', async () => {
    await expectInvalid(() => classifyDocument(new Uint8Array(0), 'empty.txt'), /empty\.txt is empty \(0 bytes\)/);
    await expectInvalid(() => classifyDocument(utf8('abc\u0000def'), 'nul.txt'), /binary data \(it contains NUL bytes\)/);
    await expectInvalid(() => classifyDocument(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x21]), 'latin1.txt'), /not valid UTF-8/);
    await expectInvalid(() => classifyDocument(utf8('hello'), 'fake.pdf'), /named \.pdf but is not a PDF/);
    await expectInvalid(() => classifyDocument(utf8('hello'), 'fake.docx'), /named \.docx but is not a Word document/);
    await expectInvalid(() => classifyDocument(utf8('plain words'), 'image.png'), /\.png extension \(image\)/);
  });

  it('refuses ZIP archives that are not Word documents', async () => {
    await expectInvalid(() => classifyDocument(makeZip([{ name: 'readme.txt', data: 'hi' }]), 'bundle.zip'), /ZIP archive that is not a Word document/);
    await expectInvalid(() => classifyDocument(makeZip([{ name: 'xl/workbook.xml', data: '<x/>' }]), 'sheet.xlsx'), /Excel spreadsheet/);
    await expectInvalid(() => classifyDocument(makeZip([{ name: 'a', data: 'b' }]).subarray(0, 20), 'cut.docx'), /damaged ZIP/);
  });
});
