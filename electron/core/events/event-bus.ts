/**
 * Delivers events to subscribed sessions. Dataset-scoped events reach only sessions whose
 * profile may read that dataset at the moment of delivery (checked per event, so a revoke
 * takes effect immediately).
 */
import type { EventName, EventPayload } from '../../../shared/contract/events';

export type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

type Subscriber = Readonly<{ listener: Listener; mayRead: (datasetId: string) => Promise<boolean> }>;

export class EventBus {
  readonly #subs = new Set<Subscriber>();

  subscribe(listener: Listener, mayRead: (datasetId: string) => Promise<boolean>): () => void {
    const sub = { listener, mayRead };
    this.#subs.add(sub);
    return () => this.#subs.delete(sub);
  }

  /** Broadcast with no dataset content (e.g. "datasets changed: re-list"). */
  broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const s of this.#subs) safe(() => s.listener(name, payload));
  }

  /** Deliver only to sessions that may read `datasetId`. */
  toReaders<E extends EventName>(datasetId: string, name: E, payload: EventPayload<E>): void {
    for (const s of this.#subs) {
      s.mayRead(datasetId).then(
        (ok) => ok && safe(() => s.listener(name, payload)),
        () => undefined, // a session that cannot be resolved gets nothing
      );
    }
  }

  get size(): number {
    return this.#subs.size;
  }
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // one broken listener must not stop delivery to the others
  }
}
