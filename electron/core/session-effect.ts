/**
 * Session effects: what a call did to the session it was made in. The contract declares them
 * per procedure (`session: 'signs-in' | 'signs-out'`), the core reports them with the reply,
 * and each shell applies them to its own carrier of the token — the cookie over HTTP, the
 * window's entry over IPC — so neither shell special-cases a procedure by name.
 */
import type { Reply } from '../../shared/domain/errors';

export type SessionEffect = Readonly<{ kind: 'signed-in'; token: string } | { kind: 'signed-out' }>;

/** The core's reply: the contract's Reply plus, for the shell only, the session effect. */
export type CoreReply<T> = Reply<T> & Readonly<{ session?: SessionEffect }>;

/**
 * Splits the effect off a core reply. Shells send only `reply` on: the effect carries the
 * token, which must not reach a page that the shell keeps it from.
 */
export function splitSession<T>(r: CoreReply<T>): Readonly<{ reply: Reply<T>; session: SessionEffect | undefined }> {
  const { session, ...rest } = r;
  return { reply: rest, session };
}

/** The reply with its `value.token` blanked: where a shell holds the session, the page never sees the token. */
export function withoutToken<T>(r: Reply<T>): Reply<T> {
  if (!r.ok || typeof r.value !== 'object' || r.value === null || !('token' in r.value)) return r;
  return { ok: true, value: { ...r.value, token: '' } };
}
