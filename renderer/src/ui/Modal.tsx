import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';

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

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** The field to start in: one marked autofocus, else the first field of the body (not Close, not the footer's Cancel). */
const FIRST_FIELD = '.modal-body [autofocus], .modal-body input, .modal-body select, .modal-body textarea';

/** Tab and Shift+Tab cycle inside the dialog instead of reaching the page behind it. */
function trapTab(e: ReactKeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement);
  if (items.length === 0) {
    e.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const at = document.activeElement;
  const inside = at instanceof HTMLElement && e.currentTarget.contains(at) && at !== e.currentTarget;
  if (e.shiftKey && (!inside || at === first)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (!inside || at === last)) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog: labelled by its title, closes on Escape and on the backdrop, keeps Tab inside,
 * takes focus on open (first field of the body, else the dialog itself; a body that loads later
 * gets it when its fields appear) and gives it back to where it was on close.
 */
export function Modal({ title, onClose, children, footer, testId, wide }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>(FIRST_FIELD);
    (first ?? ref.current)?.focus();
    // Escape is handled at window level: focus may have fallen to <body> (a button got disabled).
    const entry = () => close.current();
    open.push(entry);
    return () => {
      open.splice(open.indexOf(entry), 1);
      before?.focus?.();
    };
  }, []);
  // Content that arrives after opening (settings load asynchronously): while the dialog itself
  // holds focus, hand it to the first field as soon as there is one.
  useEffect(() => {
    if (document.activeElement !== ref.current) return;
    ref.current?.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
  });
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={wide ? 'modal wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={trapTab}
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
