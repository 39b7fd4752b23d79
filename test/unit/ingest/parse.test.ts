import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/worker/ingest/parse';
import { makeDocx } from '../../fixtures/docx';
import { makePdf } from '../../fixtures/pdf';
import { mobyDickChapter, sotuTexts } from '../../fixtures/prose';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** First sentences of a real text, used as document content. */
const sentencesOf = (text: string, n: number): string[] => (text.match(/[^.!?]+[.!?]/g) ?? []).slice(0, n).map((s) => s.trim());

describe('parseDocument', () => {
  it('extracts PDF text page by page, pages separated by a blank line', async () => {
    const lines = sentencesOf(sotuTexts(1)[0]!, 3).map((s) => s.slice(0, 80));
    const pdf = makePdf([[lines[0]!, lines[1]!], [lines[2]!]], 'Annual Message');
    const doc = await parseDocument(pdf, 'message.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Annual Message');
    const pages = doc.text.split('\n\n');
    expect(pages).toHaveLength(2);
    expect(pages[0]!.replace(/\s+/g, ' ')).toBe(`${lines[0]} ${lines[1]}`);
    expect(pages[1]).toBe(lines[2]);
  });

  it('extracts DOCX paragraphs with mammoth', async () => {
    const paras = sentencesOf(mobyDickChapter(1), 4);
    const doc = await parseDocument(makeDocx(paras), 'chapter.docx');
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe(paras.join('\n\n'));
  });

  it('converts HTML to text: headings keep their case, scripts and styles dropped, links unwrapped', async () => {
    const html = `<!DOCTYPE html><html><head><title>Curie &amp; Polonium</title><style>p { color: red }</style></head>
      <body><h1>The Discovery of Polonium</h1><script>alert("tracking")</script>
      <p>Marie Curie worked in <a href="https://example.org/paris">Paris</a>.</p><p>She named it after Poland.</p></body></html>`;
    const doc = await parseDocument(utf8(html), 'page.html');
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Curie & Polonium');
    expect(doc.text).toContain('The Discovery of Polonium');
    expect(doc.text).toContain('Marie Curie worked in Paris.');
    expect(doc.text).toContain('She named it after Poland.');
    expect(doc.text).not.toMatch(/alert|color: red|example\.org|THE DISCOVERY/);
  });

  it('keeps Markdown readable: markup stripped, prose and structure kept', async () => {
    const md = '---\ntitle: x\n---\n# Moby Dick\n\nCall me **Ishmael**. See [the text](https://example.org) and `code`.\n\n- first item\n- second _item_\n\n```js\nconst x = 1;\n```\n';
    const doc = await parseDocument(utf8(md), 'notes.md');
    expect(doc.format).toBe('markdown');
    expect(doc.title).toBe('Moby Dick');
    expect(doc.text).toBe('Moby Dick\n\nCall me Ishmael. See the text and code.\n\n- first item\n- second item\n\nconst x = 1;');
  });

  it('turns CSV rows into "header: value" lines', async () => {
    const csv = 'name,born,city\r\n"Curie, Marie",1867,Warsaw\r\nAlbert Einstein,1879,Ulm\r\n,,\r\n';
    const doc = await parseDocument(utf8(csv), 'people.csv');
    expect(doc.format).toBe('csv');
    expect(doc.text).toBe('name: Curie, Marie; born: 1867; city: Warsaw\nname: Albert Einstein; born: 1879; city: Ulm');
  });

  it('flattens JSON into "path: value" lines', async () => {
    const json = JSON.stringify({ title: 'Physics', laureates: [{ name: 'Marie Curie', year: 1903 }, { name: 'Pierre Curie' }], shared: true });
    const doc = await parseDocument(utf8(json), 'prize.json');
    expect(doc.format).toBe('json');
    expect(doc.text).toBe('title: Physics\nlaureates[0].name: Marie Curie\nlaureates[0].year: 1903\nlaureates[1].name: Pierre Curie\nshared: true');
  });

  it('keeps plain text as is, with CRLF normalised and a BOM removed', async () => {
    const text = sotuTexts(1)[0]!.slice(0, 2000);
    const doc = await parseDocument(utf8(`\uFEFF${text.replace(/\. /g, '.\r\n')}`), 'speech.txt');
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(text.replace(/\. /g, '.\n'));
  });
});
