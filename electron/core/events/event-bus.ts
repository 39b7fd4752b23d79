/**
 * Delivers events to subscribed sessions. Dataset-scoped events reach only sessions whose
 * profile may read that dataset at the moment of delivery (checked per event, so a revoke
 * takes effect immediately). A change that removes readers (a delete, a revoke) takes a
 * snapshot of the readers first (`readersOf`) and tells exactly them afterwards (`deliver`):
 * someone who just lost a dataset learns that their list changed, and nothing more.
 */
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { AppError } from '../../../shared/domain/errors';

export type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

type Subscriber = Readonly<{ listener: Listener; mayRead: (datasetId: string) => Promise<boolean> }>;

/** The sessions that could read a dataset when it was taken (opaque outside the bus). */
export type Readers = ReadonlySet<object>;

export class EventBus {
  readonly #subs = new Set<Subscriber>();

  subscribe(listener: Listener, mayRead: (datasetId: string) => Promise<boolean>): () => void {
    const sub = { listener, mayRead };
    this.#subs.add(sub);
    return () => this.#subs.delete(sub);
  }

  /** Deliver only to sessions that may read `datasetId` (now). */
  toReaders<E extends EventName>(datasetId: string, name: E, payload: EventPayload<E>): void {
    for (const s of this.#subs) {
      s.mayRead(datasetId).then(
        (ok) => ok && this.#subs.has(s) && safe(() => s.listener(name, payload), name),
        (e: unknown) => undelivered(e, name),
      );
    }
  }

  /** The sessions that may read `datasetId` now: take it before a change that removes readers. */
  async readersOf(datasetId: string): Promise<Readers> {
    const subs = [...this.#subs];
    const ok = await Promise.all(subs.map((s) => s.mayRead(datasetId).catch(() => false)));
    return new Set(subs.filter((_, i) => ok[i]));
  }

  /** Delivers to the sessions of a snapshot (and to those who may read `datasetId` now, if given) that are still subscribed. */
  deliver<E extends EventName>(readers: Readers, name: E, payload: EventPayload<E>, alsoReadersOf?: string): void {
    for (const s of this.#subs) if (readers.has(s)) safe(() => s.listener(name, payload), name);
    if (alsoReadersOf === undefined) return;
    for (const s of this.#subs) {
      if (readers.has(s)) continue;
      s.mayRead(alsoReadersOf).then(
        (ok) => ok && this.#subs.has(s) && safe(() => s.listener(name, payload), name),
        (e: unknown) => undelivered(e, name),
      );
    }
  }

  get size(): number {
    return this.#subs.size;
  }
}

/** One broken listener must not stop delivery to the others; its error is logged, not lost. */
function safe(fn: () => void, name: string): void {
  try {
    fn();
  } catch (e) {
    console.error(`[events] a listener of "${name}" threw:`, e);
  }
}

/**
 * A session whose access cannot be resolved gets nothing. Expected when it has just ended
 * (an AppError such as `unauthenticated`); anything else is a bug worth a log line.
 */
function undelivered(e: unknown, name: string): void {
  if (!(e instanceof AppError)) console.error(`[events] could not check a session's access for "${name}"; not delivered:`, e);
}
