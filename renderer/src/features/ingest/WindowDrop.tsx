import { useEffect, useState } from 'react';

import { useApp } from '../../store/hooks';
import { collectDrop } from './walkEntries';

type Drag = 'none' | 'window' | 'target';

/**
 * Files dropped anywhere outside a dataset's own drop target: ask which dataset they go to.
 * Dataset targets (marked `data-drop-target`) call preventDefault on their drop, which tells
 * this handler the drop is already taken. Also stops the browser from opening a dropped file.
 */
export function WindowDrop() {
  const ask = useApp((s) => s.askWhereToIngest);
  const [drag, setDrag] = useState<Drag>('none');
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onTarget = (e: DragEvent) => !!(e.target as Element | null)?.closest?.('[data-drop-target]');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDrag(onTarget(e) ? 'target' : 'window');
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDrag('none');
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDrag(onTarget(e) ? 'target' : 'window');
    };
    const end = () => {
      depth = 0;
      setDrag('none');
    };
    const drop = (e: DragEvent) => {
      end();
      if (!e.dataTransfer || !hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      void collectDrop(e.dataTransfer).then(ask);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('dragend', end);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragend', end);
      window.removeEventListener('drop', drop);
    };
  }, [ask]);
  if (drag !== 'window') return null;
  return (
    <div className="window-drop" aria-hidden="true">
      Drop to add these files — you will choose the dataset
    </div>
  );
}
