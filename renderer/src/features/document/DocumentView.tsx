import { useEffect, useRef } from 'react';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';
import { splitRange } from '../search/highlight';
import { splitMentions } from './mentions';
import './document.css';

/**
 * The extracted text of a document (data.text), scrolled to and highlighting the cited range;
 * opened from an entity, the entity's mentions inside it are marked more strongly.
 */
export function DocumentView() {
  const doc = useApp((s) => s.doc);
  const close = useApp((s) => s.closeDocument);
  const mark = useRef<HTMLElement | null>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [doc?.text, doc?.start]);
  if (!doc) return null;
  const parts = doc.text === null ? null : splitRange(doc.text, doc.start, doc.end);
  const answer = parts && doc.answer ? answerWithin(doc.answer, doc.start, parts.passage.length) : null;
  return (
    <Modal title={doc.name} onClose={close} testId="document-view" wide>
      <ErrorText message={doc.error} />
      {parts === null && !doc.error && <p className="muted">Loading the document…</p>}
      {parts && (
        <div className="doc-text" tabIndex={0} aria-label={`Text of ${doc.name}`}>
          {parts.before}
          <mark ref={answer ? undefined : mark} className="doc-passage" data-testid="document-passage">
            {answer ? (
              <>
                {parts.passage.slice(0, answer[0])}
                <span ref={mark} className="answer-sentence" data-testid="document-answer">
                  {parts.passage.slice(answer[0], answer[1])}
                </span>
                {parts.passage.slice(answer[1])}
              </>
            ) : (
              splitMentions(parts.passage, doc.mention).map((p, i) =>
                p.mention ? (
                  <strong key={i} className="doc-mention" data-testid="document-mention">
                    {p.text}
                  </strong>
                ) : (
                  p.text
                ),
              )
            )}
          </mark>
          {parts.after}
        </div>
      )}
    </Modal>
  );
}

/** The answer sentence as a range of the passage, or null when it does not lie inside it. */
function answerWithin(answer: Readonly<{ start: number; end: number }>, passageStart: number, passageLength: number): [number, number] | null {
  const s = answer.start - passageStart;
  const e = answer.end - passageStart;
  return s >= 0 && e > s && e <= passageLength ? [s, e] : null;
}
