/**
 * Dataset worker entry: one process per open dataset, identical under Electron's
 * utilityProcess and Node's child_process.fork. Message loop: decode → dispatch → reply.
 * The process exits after answering `close`, or when main goes away.
 */
import type { ReplyEnvelope } from '../../shared/worker-protocol';
import { Dispatcher } from './dispatcher';
import { handlerTable, testHooksRequested } from './handlers/table';
import { WorkerSession } from './session';
import { detectPort } from './transport';

function start(): void {
  const port = detectPort();
  const session = new WorkerSession();
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    dispatcher.abortAll();
    // Engines are closed before exiting so Kùzu checkpoints and the lock is released cleanly.
    void session
      .close()
      .catch((e) => console.error(`[worker ${process.pid}] close failed:`, e))
      .then(() => port.drain())
      .finally(() => process.exit(code));
  };
  // After a failed graph COMMIT: reply, then end without closing the engines (a close would
  // checkpoint the unknown state); main starts a new worker, whose open replays the WAL.
  const abandon = () => {
    if (exiting) return;
    exiting = true;
    console.error(`[worker ${process.pid}] the graph failed to commit; exiting without a checkpoint so the next start recovers from the WAL`);
    dispatcher.abortAll();
    void port.drain().finally(() => process.exit(75));
  };
  const send = (m: ReplyEnvelope) => port.send(m);
  // Test hooks (debug.hold) only when a test launcher asked for them on the command line.
  const dispatcher = new Dispatcher(handlerTable({ testHooks: testHooksRequested(process.argv) }), session, send);
  port.onMessage((raw) => {
    const kind = (raw as { body?: { kind?: unknown } } | null)?.body?.kind;
    void dispatcher.dispatch(raw).then(() => {
      if (kind === 'close') exit(0);
      else if (session.graphBroken) abandon();
    });
  });
  port.onDisconnect(() => exit(0));
  process.on('uncaughtException', (e) => {
    console.error(`[worker ${process.pid}] uncaught:`, e);
    process.exit(1); // main sees the exit and fails pending calls with worker_crashed
  });
  process.on('unhandledRejection', (e) => {
    console.error(`[worker ${process.pid}] unhandled rejection:`, e);
    process.exit(1);
  });
}

start();
