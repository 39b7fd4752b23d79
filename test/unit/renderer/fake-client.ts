/**
 * An in-memory stand-in for the transport client, for store-slice tests: procedures answer
 * from handlers the test sets, calls are recorded, and events are emitted by hand.
 */
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Input, Output, ProcedureName } from '../../../shared/contract/procedures';
import { AppError } from '../../../shared/domain/errors';
import type { Client } from '../../../renderer/src/transport';

type Handler<N extends ProcedureName> = (input: Input<N>) => Output<N> | Promise<Output<N>>;

export class FakeClient implements Client {
  readonly kind = 'http' as const;
  readonly reveal = undefined;
  readonly calls: { name: ProcedureName; input: unknown }[] = [];
  readonly sessions: boolean[] = [];
  readonly #handlers = new Map<ProcedureName, (input: unknown) => unknown>();
  readonly #listeners = new Map<string, Set<(p: unknown) => void>>();

  /** Answers `name` with `fn` from now on. */
  handle<N extends ProcedureName>(name: N, fn: Handler<N>): this {
    this.#handlers.set(name, fn as (input: unknown) => unknown);
    return this;
  }

  /** Makes `name` fail with an AppError of `code`. */
  fail(name: ProcedureName, code: AppError['code'], message = `${name} failed`): this {
    this.#handlers.set(name, () => {
      throw new AppError(code, message);
    });
    return this;
  }

  async call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> {
    this.calls.push({ name, input });
    const h = this.#handlers.get(name);
    if (!h) throw new AppError('internal', `FakeClient: no handler for ${name}`);
    return (await h(input)) as Output<N>;
  }

  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(fn as (p: unknown) => void);
    this.#listeners.set(event, set);
    return () => set.delete(fn as (p: unknown) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const fn of this.#listeners.get(event) ?? []) fn(payload);
  }

  sessionChanged(signedIn: boolean): void {
    this.sessions.push(signedIn);
  }

  /** Names of the calls made so far, in order. */
  names(): ProcedureName[] {
    return this.calls.map((c) => c.name);
  }
}
