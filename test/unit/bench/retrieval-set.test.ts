/**
 * The retrieval benchmark's labelled set and judging (issue 15), without the corpora: the
 * fixture's shape and splits, the scores of a ranked list, and the BM25 floor. Whether every
 * answer snippet is found in its file's extracted text is checked by the benchmark itself,
 * which has the corpora (it fails on the first snippet it cannot locate).
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { Bm25Windows, WINDOW_WORDS } from '../../bench/lib/bm25-windows';
import { CORPUS_IDS } from '../../bench/lib/retrieval-corpora';
import { locateAll, meanScores, scoreList } from '../../bench/lib/retrieval-metrics';

type Question = { id: string; corpus: string; file: string; difficulty: string; split: string; question: string; answer: string };
const fx = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/retrieval/questions.json'), 'utf8')) as { questions: Question[] };
const qs = fx.questions;

describe('the labelled set', () => {
  it('has at least 200 questions over the four corpora, each with every difficulty', () => {
    expect(qs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
    for (const c of CORPUS_IDS) {
      const mine = qs.filter((q) => q.corpus === c);
      expect(mine.length, c).toBeGreaterThanOrEqual(50);
      for (const d of ['easy', 'medium', 'hard']) expect(mine.filter((q) => q.difficulty === d).length, `${c} ${d}`).toBeGreaterThanOrEqual(5);
    }
    for (const q of qs) {
      expect(CORPUS_IDS as readonly string[]).toContain(q.corpus);
      expect(['easy', 'medium', 'hard']).toContain(q.difficulty);
      expect(q.question.trim().length, q.id).toBeGreaterThan(10);
      expect(q.answer.trim().length, q.id).toBeGreaterThan(10);
    }
  });

  it('is split by corpus (the glossary is test-only) and by question (the others have both splits)', () => {
    expect(qs.filter((q) => q.corpus === 'glossary').every((q) => q.split === 'test')).toBe(true);
    for (const c of CORPUS_IDS.filter((c) => c !== 'glossary')) {
      const mine = qs.filter((q) => q.corpus === c);
      const dev = mine.filter((q) => q.split === 'dev').length;
      expect(dev + mine.filter((q) => q.split === 'test').length).toBe(mine.length);
      expect(Math.abs(2 * dev - mine.length), c).toBeLessThanOrEqual(3);
    }
  });
});

describe('judging a ranked list', () => {
  const text = 'Call me  Ishmael.\nSome years ago, never mind how long; call me Ishmael.';
  const ranges = locateAll(text, 'call me Ishmael.');
  it('locates every occurrence of a snippet across any whitespace', () => {
    expect(locateAll(text, 'Call me Ishmael.')).toEqual([[0, 17]]);
    expect(ranges).toEqual([[text.lastIndexOf('call'), text.length]]);
    expect(locateAll(text, 'not there')).toEqual([]);
  });

  it('scores the first passage hit: recall@5, MRR@10, nDCG@10, and the page hit apart', () => {
    const other = { file: 'b.txt', start: 0, end: 100 };
    const samePage = { file: 'a.txt', start: 0, end: 10 };
    const passage = { file: 'a.txt', start: 40, end: 70 };
    expect(scoreList([passage], 'a.txt', ranges)).toEqual({ recall5: 1, mrr10: 1, ndcg10: 1, page5: 1 });
    const third = scoreList([other, null, passage, passage], 'a.txt', ranges);
    expect(third).toMatchObject({ recall5: 1, page5: 1 });
    expect(third.mrr10).toBeCloseTo(1 / 3);
    expect(third.ndcg10).toBeCloseTo(0.5);
    expect(scoreList([samePage, other], 'a.txt', ranges)).toEqual({ recall5: 0, mrr10: 0, ndcg10: 0, page5: 1 });
    const sixth = scoreList([other, other, other, other, other, passage], 'a.txt', ranges);
    expect(sixth).toMatchObject({ recall5: 0, page5: 0 });
    expect(sixth.mrr10).toBeCloseTo(1 / 6);
    expect(scoreList([...Array(10).fill(other), passage], 'a.txt', ranges).mrr10).toBe(0);
    expect(meanScores([scoreList([passage], 'a.txt', ranges), scoreList([], 'a.txt', ranges)])).toEqual({ n: 2, recall5: 0.5, mrr10: 0.5, ndcg10: 0.5, page5: 0.5 });
  });
});

describe('the BM25 floor', () => {
  it('cuts fixed windows with their character ranges and ranks the matching one first', () => {
    const words = Array.from({ length: 2 * WINDOW_WORDS + 10 }, (_, i) => `w${i % 50}`);
    words[WINDOW_WORDS + 7] = 'harpoon';
    const text = words.join(' ');
    const bm = new Bm25Windows();
    bm.add('a.txt', text);
    bm.add('b.txt', 'nothing about it here');
    expect(bm.windows.filter((w) => w.file === 'a.txt')).toHaveLength(3);
    const [top] = bm.search('the HARPOON', 5);
    expect(top).toMatchObject({ file: 'a.txt' });
    expect(text.slice(top!.start, top!.end)).toContain('harpoon');
    expect(text.slice(top!.start, top!.end).split(' ')).toHaveLength(WINDOW_WORDS);
    expect(bm.search('w3', 10).map((w) => w.start)).toEqual([...bm.search('w3', 10)].sort((a, b) => b.score - a.score || a.start - b.start).map((w) => w.start));
    expect(bm.search('absent', 5)).toEqual([]);
  });
});
