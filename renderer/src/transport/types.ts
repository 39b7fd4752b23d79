/**
 * The renderer's view of the contract: a typed client derived from shared/contract. Only this
 * folder knows whether calls travel over Electron IPC or HTTP + WebSocket.
 */
import type { EventMessage, EventName, EventPayload } from '../../../shared/contract/events';
import type { Input, Output, ProcedureName } from '../../../shared/contract/procedures';
import type { Reply } from '../../../shared/domain/errors';

/** Options a single call may carry; transports ignore what they cannot honour. */
export type CallOptions = Readonly<{
  /** Upload progress for `data.add` (HTTP only: IPC hands bytes over at once). */
  onUploadProgress?: (sentBytes: number, totalBytes: number) => void;
}>;

/** The untyped wire: one implementation per shell (ipc.ts, http.ts). */
export interface Transport {
  /** Sends one procedure call; resolves with the Reply envelope, rejects only when the wire itself fails. */
  call(name: ProcedureName, input: unknown, opts?: CallOptions): Promise<Reply<unknown>>;
  /** Subscribes to every pushed event until the returned function is called. */
  on(listener: (msg: EventMessage) => void): () => void;
  /**
   * Called after sign-in (true) and sign-out (false) so event delivery follows the profile:
   * HTTP opens a fresh socket with the new cookie, or closes it while nobody is signed in.
   */
  sessionChanged(signedIn: boolean): void;
  /** Where the renderer runs: decides e.g. "reveal folder" versus "copy path". */
  readonly kind: 'ipc' | 'http';
  /** Opens a folder in the OS file manager when the shell can; undefined otherwise. */
  readonly reveal?: (path: string) => Promise<void>;
}

/** The typed client every store slice uses. */
export interface Client {
  /** Calls a procedure; resolves with its output or throws an AppError carrying the code. */
  call<N extends ProcedureName>(name: N, input: Input<N>, opts?: CallOptions): Promise<Output<N>>;
  /** Subscribes to one event type; returns the unsubscribe function. */
  on<E extends EventName>(event: E, fn: (payload: EventPayload<E>) => void): () => void;
  /** See Transport.sessionChanged. */
  sessionChanged(signedIn: boolean): void;
  readonly kind: 'ipc' | 'http';
  readonly reveal?: (path: string) => Promise<void>;
}
