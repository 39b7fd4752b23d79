import { AppError, fromWire, isErrorCode } from '../../../shared/domain/errors';
import type { Client, Transport } from './types';

/**
 * Wraps a transport into the typed client: unwraps Reply envelopes into values or AppErrors,
 * and filters pushed events by name. Inputs are not validated here: the core does that.
 */
export function createClient(transport: Transport): Client {
  return {
    kind: transport.kind,
    reveal: transport.reveal,
    async call(name, input, opts) {
      let reply;
      try {
        reply = await transport.call(name, input, opts);
      } catch (e) {
        throw new AppError('internal', `Kenning could not be reached (${e instanceof Error ? e.message : String(e)})`);
      }
      if (reply.ok) return reply.value as never;
      // A garbled envelope must still become an AppError, never an undefined crash.
      const code = isErrorCode(reply.error?.code) ? reply.error.code : 'internal';
      throw fromWire({ ...reply.error, code, message: reply.error?.message ?? 'Unexpected error' });
    },
    on(event, fn) {
      return transport.on((msg) => {
        if (msg.event === event) fn(msg.payload as never);
      });
    },
    sessionChanged: (signedIn) => transport.sessionChanged(signedIn),
  };
}
