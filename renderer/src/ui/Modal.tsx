import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

import './modal.css';

type Props = Readonly<{
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons shown at the bottom right. */
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
}>;

/** Close handlers of the open modals, innermost last: Escape closes only the top one. */
const open: (() => void)[] = [];
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || open.length === 0) return;
    e.preventDefault();
    open[open.length - 1]!();
  });
}

/**
 * A modal dialog: labelled by its title, closes on Escape and on the backdrop, takes focus on
 * open (first field, else the dialog) and gives it back to where it was on close.
 */
export function Modal({ title, onClose, children, footer, testId, wide }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button:not(.modal-close)');
    (first ?? ref.current)?.focus();
    // Escape is handled at window level: focus may have fallen to <body> (a button got disabled).
    const entry = () => close.current();
    open.push(entry);
    return () => {
      open.splice(open.indexOf(entry), 1);
      before?.focus?.();
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={wide ? 'modal wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <header className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn ghost modal-close" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-foot">{footer}</footer>}
      </div>
    </div>
  );
}
