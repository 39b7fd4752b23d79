/**
 * Issue 16: what the offline extractor leaves out (junk), what it calls a date, how it types
 * names from gazetteer and context, and which names it merges (and records as aliases).
 */
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../electron/worker/ingest/chunk';
import { extractEntities } from '../../../electron/worker/ingest/extract';
import type { ExtractedEntity, Extraction } from '../../../electron/worker/ingest/types';

function run(text: string): Extraction {
  return extractEntities({ text, format: 'text' }, chunkText(text, { maxChars: 400, overlapChars: 50 }));
}
const keys = (ex: Extraction): string[] => ex.entities.map((e) => e.key);
const find = (ex: Extraction, key: string): ExtractedEntity | undefined => ex.entities.find((e) => e.key === key);

describe('extractEntities: junk', () => {
  it('drops capitalised sentence openers that nothing else marks as names', () => {
    const ex = run('Powerful actions will be taken. Reality outran apprehension. Difficult choices remain for Congress. Hitler failed, and Queequeg knew Hitler.');
    for (const junk of ['powerful', 'reality', 'difficult']) expect(keys(ex)).not.toContain(junk);
    expect(keys(ex)).toEqual(expect.arrayContaining(['congress', 'hitler', 'queequeg']));
  });

  it('drops shouting and merges a one-off misspelling into the name it misspells', () => {
    const ex = run('CHAPTER ONE THE BEGINNING. Troops left Afghanistan. Afghanistan was calm. Aid to AFFGHANISTAN grew. Aid to Afghanistn grew.');
    expect(keys(ex).some((k) => k.includes('chapter') || k.includes('beginning'))).toBe(false);
    expect(keys(ex)).not.toContain('affghanistan');
    const afghanistan = find(ex, 'afghanistan')!;
    expect(afghanistan.kind).toBe('place');
    expect(afghanistan.aliases).toEqual([{ name: 'Afghanistn', reason: 'spelling' }]);
  });

  it('keeps nationality adjectives and single common nouns out, and technical names in', () => {
    const ex = run('Japanese junks sailed from Japan. The ship had a ship and a ship. You may use blake2b or adler32 from zlib, not the ship.');
    expect(keys(ex)).not.toContain('japanese');
    expect(keys(ex)).not.toContain('ship');
    expect(keys(ex)).toEqual(expect.arrayContaining(['japan', 'blake2b', 'adler32']));
  });

  it('does not take names from title-case headings or quoted titles alone', () => {
    const text = 'Repeated Names Within an Object\n\nThe module accepts repeated names.\n\nSee "An Applicative Real-Time Language for Signal Processing" by M. Freericks in Berlin.';
    const ex = run(text);
    for (const junk of ['repeated names within an object', 'names', 'object', 'applicative real time language', 'signal processing']) expect(keys(ex)).not.toContain(junk);
    expect(find(ex, 'm freericks')?.kind).toBe('person');
  });
});

describe('extractEntities: dates', () => {
  it('calls a number a date only when it reads as one', () => {
    const ex = run('The war against China began in 1894. Data larger than 2047 bytes is hashed. MD5 is defined in RFC 1321. New in version 3.6. It was signed on January 1, 1942. We met in April and on Sunday. DEC built machines.');
    const dates = ex.entities.filter((e) => e.kind === 'date').map((e) => e.key);
    expect(dates.sort()).toEqual(['1894', 'january 1 1942']);
    expect(find(ex, 'rfc 1321')?.kind).toBe('concept');
    expect(find(ex, 'dec')?.kind).toBe('organization');
  });
});

describe('extractEntities: kinds from gazetteer and context', () => {
  it('types places the tagger does not know and people by what they do', () => {
    const ex = run('Britain and Manchuria were far apart. Troops camped near the Wabash. Queequeg now gave me to understand that he had been praying. Later Queequeg smiled.');
    expect(find(ex, 'britain')?.kind).toBe('place');
    expect(find(ex, 'manchuria')?.kind).toBe('place');
    expect(find(ex, 'wabash')?.kind).toBe('place');
    expect(find(ex, 'queequeg')?.kind).toBe('person');
  });
});

describe('extractEntities: merges, recorded as aliases', () => {
  it('merges a surname into its titled form and splits a sentence opener from the title', () => {
    const ex = run('Old Captain Peleg owned the ship. Everyone feared old Peleg on the quay.');
    expect(keys(ex)).not.toContain('old captain peleg');
    const peleg = find(ex, 'captain peleg')!;
    expect(peleg.kind).toBe('person');
    expect(peleg.mentions).toHaveLength(2);
    expect(peleg.aliases).toEqual([{ name: 'Peleg', reason: 'surname' }]);
  });

  it('merges an initialism the text defines, and a place with its fuller name', () => {
    const ex = run('Never add a byte order mark (BOM) to a JSON text; a BOM breaks parsers. Defenders of Wake Island held out; the flag flew over Wake again.');
    expect(find(ex, 'byte order mark')?.aliases).toEqual([{ name: 'BOM', reason: 'initialism' }]);
    expect(find(ex, 'bom')).toBeUndefined();
    expect(find(ex, 'wake island')?.aliases).toEqual([{ name: 'Wake', reason: 'place-name' }]);
  });

  it('reads a glossary: terms defined on their own line, their other names, and what they cite', () => {
    const text = [
      'Application Visualisation System',
      'AVS',
      '',
      '   <tool, graphics> A portable graphics package supported by',
      '   vendors including {Convex} and {IBM}.',
      '',
      'applicative order reduction',
      '',
      '   <programming> An evaluation strategy used by {Scheme} and {Pascal}.',
      '',
    ].join('\n');
    const ex = run(text);
    const avs = find(ex, 'application visualisation system')!;
    expect(avs.aliases).toEqual([{ name: 'AVS', reason: 'defined-together' }]);
    expect(find(ex, 'applicative order reduction')?.kind).toBe('concept');
    const cited = (k: string) => ex.relations.filter((r) => r.sourceKey === k && r.relation === 'refers_to').map((r) => r.targetKey).sort();
    expect(cited('application visualisation system')).toEqual(['convex', 'ibm']);
    expect(cited('applicative order reduction')).toEqual(['pascal', 'scheme']);
  });
});

describe('extractEntities: co-occurrence', () => {
  it('needs repeated evidence, more than chance, and weighs a relation by its evidence count', () => {
    const text = [
      'Lincoln and Seward argued.',
      'Lincoln and Seward argued again.',
      'Later Lincoln and Seward argued once more.',
      'Stanton and Welles agreed.',
      'Congress waited.',
      'Congress waited again.',
    ].join(' ');
    const ex = run(text);
    const co = ex.relations.filter((r) => r.relation === 'co_occurs_with');
    const pairs = new Set(co.map((r) => `${r.sourceKey}|${r.targetKey}`));
    expect([...pairs]).toEqual(['lincoln|seward']);
    expect(co.reduce((n, r) => n + r.weight, 0)).toBe(3);
  });
});
