import { useMemo } from 'react';

import { splitHighlights } from './highlight';

/** Text with the query's words marked. */
export function Highlighted({ text, words }: Readonly<{ text: string; words: readonly string[] }>) {
  const parts = useMemo(() => splitHighlights(text, words), [text, words]);
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
