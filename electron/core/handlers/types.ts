import type { ParsedInput, Output, ProcedureName } from '../../../shared/contract/procedures';
import type { Caller } from '../access/caller';
import type { AuthorizedDataset } from '../access/dataset-gate';
import type { Services } from '../services';

/** Per-call context, built by the dispatcher after authentication and authorization. */
export type CallContext = Readonly<{
  services: Services;
  /** Null only for `public` procedures called without a session. */
  caller: Caller | null;
  /** The session token the call came with (for sign-out / password change). */
  token: string | null;
  /** The datasets the dispatcher already authorized for this call, in input order. */
  datasets: readonly AuthorizedDataset[];
}>;

export type Handler<N extends ProcedureName> = (ctx: CallContext, input: ParsedInput<N>) => Promise<Output<N>>;
export type Handlers = { [N in ProcedureName]: Handler<N> };

/** Narrows a context that the dispatcher guarantees has a caller. */
export function callerOf(ctx: CallContext): Caller {
  if (!ctx.caller) throw new Error('dispatcher invariant: caller missing');
  return ctx.caller;
}

export function only<T>(list: readonly T[]): T {
  const v = list[0];
  if (v === undefined) throw new Error('dispatcher invariant: dataset missing');
  return v;
}
