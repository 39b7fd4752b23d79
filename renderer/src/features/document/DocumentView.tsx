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
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [doc?.text, doc?.start]);
  if (!doc) return null;
  const parts = doc.text === null ? null : splitRange(doc.text, doc.start, doc.end);
  return (
    <Modal title={doc.name} onClose={close} testId="document-view" wide>
      <ErrorText message={doc.error} />
      {parts === null && !doc.error && <p className="muted">Loading the document…</p>}
      {parts && (
        <div className="doc-text" tabIndex={0} aria-label={`Text of ${doc.name}`}>
          {parts.before}
          <mark ref={mark} className="doc-passage" data-testid="document-passage">
            {splitMentions(parts.passage, doc.mention).map((p, i) =>
              p.mention ? (
                <strong key={i} className="doc-mention" data-testid="document-mention">
                  {p.text}
                </strong>
              ) : (
                p.text
              ),
            )}
          </mark>
          {parts.after}
        </div>
      )}
    </Modal>
  );
}
