import type { RequestKind } from '../../../shared/worker-protocol';
import type { Handler } from '../dispatcher';

/** Handlers for the kinds whose name starts with `P` (e.g. 'graph.'). */
export type HandlersFor<P extends string> = { readonly [K in Extract<RequestKind, `${P}${string}`>]: Handler<K> };
