import { useEffect, useRef } from 'react';

/**
 * Closes a `<details>` menu the way people expect a menu to close: on Escape (focus returns to
 * its summary so the keyboard user is not stranded) and on a press anywhere outside it. A bare
 * `<details>` does neither and stays open over the page.
 */
export function useDismissable<T extends HTMLDetailsElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const close = (refocus: boolean) => {
      const el = ref.current;
      if (!el?.open) return;
      el.open = false;
      if (refocus) el.querySelector('summary')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && ref.current?.open) {
        e.preventDefault();
        close(true);
      }
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);
  return ref;
}
