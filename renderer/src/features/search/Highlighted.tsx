import { useMemo } from 'react';

import { splitHighlights } from './highlight';
import type { TextPart } from './highlight';

/** Text with the query's words marked, and its answer sentence (a range of `text`) set apart. */
export function Highlighted({ text, words, answer }: Readonly<{ text: string; words: readonly string[]; answer?: readonly [number, number] | null }>) {
  const [before, sentence, after] = useMemo((): [TextPart[], TextPart[], TextPart[]] => {
    const [a, b] = answer ?? [text.length, text.length];
    return [splitHighlights(text.slice(0, a), words), splitHighlights(text.slice(a, b), words), splitHighlights(text.slice(b), words)];
  }, [text, words, answer]);
  const render = (parts: readonly TextPart[]) => parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>));
  return (
    <>
      {render(before)}
      {sentence.length > 0 && (
        <span className="answer-sentence" data-testid="answer-sentence">
          {render(sentence)}
        </span>
      )}
      {render(after)}
    </>
  );
}
