import type { RequestKind } from '../../../shared/worker-protocol';
import type { Handler } from '../dispatcher';

/** One handler for each of the kinds `K` (a missing one is a compile error). */
export type HandlersOf<K extends RequestKind> = { readonly [k in K]: Handler<k> };

/** Handlers for the kinds whose name starts with `P` (e.g. 'graph.'). */
export type HandlersFor<P extends string> = HandlersOf<Extract<RequestKind, `${P}${string}`>>;
