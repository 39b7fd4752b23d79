import { useApp } from '../store/hooks';
import { Modal } from '../ui/Modal';
import { GRAPH_KEYS, SHORTCUTS } from './shortcuts';

/** Keyboard shortcuts and a two-line primer. */
export function HelpDialog() {
  const close = useApp((s) => s.closeDialog);
  return (
    <Modal title="Help and shortcuts" onClose={close} testId="help-dialog">
      <p>
        Drop documents on a dataset to build its knowledge graph. Click a node to see where it comes from; search finds passages across every
        dataset you can read.
      </p>
      <table className="keys">
        <tbody>
          {[...SHORTCUTS, ...GRAPH_KEYS].map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd className="kbd">{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
