/** Real sentences from the public-domain corpus, split with the app's own sentence splitter. */
import { splitSentences } from '../../../electron/worker/ingest/chunk';
import { sources } from './corpus';

let cache: string[] | undefined;

/** Every sentence of 5 to 80 words, in corpus order, whitespace collapsed. */
export function corpusSentences(): string[] {
  if (cache) return cache;
  const out: string[] = [];
  for (const s of sources()) {
    for (const [a, b] of splitSentences(s.text)) {
      const t = s.text.slice(a, b).replace(/\s+/g, ' ').trim();
      const words = t.split(' ').length;
      if (words >= 5 && words <= 80) out.push(t);
    }
  }
  cache = out;
  return out;
}
