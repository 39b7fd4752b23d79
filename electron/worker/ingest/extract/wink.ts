import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of analysed text with its absolute character offsets in the document. */
export type Token = Readonly<{
  text: string;
  start: number;
  end: number;
  pos: string;
  lemma: string;
  stop: boolean;
}>;

/** A sentence with its tokens and the token ranges wink labelled as dates. */
export type Sentence = Readonly<{ start: number; end: number; tokens: readonly Token[]; dates: ReadonlyArray<readonly [number, number]> }>;

/** The slice of wink's API we use; its bundled typings do not cover `lemma` and span outputs well. */
type Its = Record<'pos' | 'lemma' | 'precedingSpaces' | 'stopWordFlag' | 'type' | 'span', unknown>;
type Item = { out(its?: unknown): unknown };
type Collection = { out(its?: unknown): unknown[]; each(cb: (item: Item) => void): void };
type WinkDoc = { tokens(): Collection; entities(): Collection; sentences(): Collection };
type Nlp = { its: Its; readDoc(text: string): WinkDoc };
let nlp: Nlp | undefined;

/** Loads the English lite model once per process (~1 s the first time). Sentiment is not needed. */
function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos', 'ner']) as unknown as Nlp;
  return nlp;
}

/**
 * Tokenises, tags and sentence-splits `text`, reporting offsets relative to `base` (the position
 * of `text` in the document). wink's output is lossless (spaces + tokens re-create the input),
 * which lets us compute offsets by walking the tokens; a search guards the rare mismatch.
 */
export function analyse(text: string, base: number): Sentence[] {
  const w = getNlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out() as string[];
  const spaces = toks.out(its.precedingSpaces) as string[];
  const pos = toks.out(its.pos) as string[];
  const lemma = toks.out(its.lemma) as string[];
  const stop = toks.out(its.stopWordFlag) as boolean[];

  const tokens: Token[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = cursor + (spaces[i]?.length ?? 0);
    if (!text.startsWith(v, at)) {
      const found = text.indexOf(v, cursor);
      at = found >= 0 && found - cursor < 64 ? found : at;
    }
    tokens[i] = { text: v, start: base + at, end: base + at + v.length, pos: pos[i]!, lemma: lemma[i] ?? v.toLowerCase(), stop: !!stop[i] };
    cursor = at + v.length;
  }

  const dateSpans: Array<readonly [number, number]> = [];
  doc.entities().each((e) => {
    if (e.out(its.type) === 'DATE') dateSpans.push(e.out(its.span) as [number, number]);
  });

  const sentences: Sentence[] = [];
  let d = 0;
  doc.sentences().each((s) => {
    const [a, b] = s.out(its.span) as [number, number];
    const st = tokens.slice(a, b + 1);
    const dates: Array<readonly [number, number]> = [];
    while (d < dateSpans.length && dateSpans[d]![0] <= b) {
      const [x, y] = dateSpans[d]!;
      if (x >= a) dates.push([x - a, y - a]);
      d++;
    }
    if (st.length) sentences.push({ start: st[0]!.start, end: st[st.length - 1]!.end, tokens: st, dates });
  });
  return sentences;
}
