import { MIN_SCRYPT_N } from '../../electron/core/access/passwords';
import { Core } from '../../electron/core/core';
import type { CoreConfig } from '../../electron/core/config';
import { nodeCoreOptions } from '../../electron/core/node-core';
import { silentLog } from '../../electron/core/log';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import { AppError, fromWire } from '../../shared/domain/errors';
import type { Reply } from '../../shared/domain/errors';
import { tempDir } from './temp';

export type TestCore = Readonly<{
  core: Core;
  home: string;
  /** Calls as `token` and unwraps the reply (throws the AppError on failure). */
  call<N extends ProcedureName>(token: string | null, name: N, input?: unknown): Promise<Output<N>>;
  /** Calls and returns the error code, or 'ok'. */
  code(token: string | null, name: ProcedureName, input?: unknown): Promise<string>;
  /** Registers a profile and signs it in; returns its token and id. */
  user(email: string): Promise<{ token: string; id: string; email: string }>;
  close(): Promise<void>;
}>;

/** Any way of calling the contract that returns the raw Reply (in-process or over HTTP). */
export type ReplyFn = <N extends ProcedureName>(token: string | null, name: N, input?: unknown) => Promise<Reply<Output<N>>>;

/** The TestCore helpers (call, code, user) over one binding's reply function. */
export function testCalls(reply: ReplyFn): Pick<TestCore, 'call' | 'code' | 'user'> {
  const call = async <N extends ProcedureName>(token: string | null, name: N, input: unknown = {}): Promise<Output<N>> => {
    const r = await reply(token, name, input);
    if (!r.ok) throw fromWire(r.error);
    return r.value as Output<N>;
  };
  return {
    call,
    code: async (token, name, input = {}) => {
      const r = await reply(token, name, input);
      return r.ok ? 'ok' : r.error.code;
    },
    user: async (email) => {
      await call(null, 'auth.register', { email, password: 'password-123' });
      const s = await call(null, 'auth.signIn', { email, password: 'password-123' });
      return { token: s.token, id: s.user.id, email };
    },
  };
}

/**
 * Test-only: cheap password hashes (scrypt N = 2^10 instead of 2^17, ~5 ms instead of ~0.5 s),
 * so suites that create many profiles stay fast. Production never sets `scryptN`.
 */
export const FAST_HASHES: Partial<CoreConfig> = { scryptN: MIN_SCRYPT_N };

export async function openTestCore(config: Partial<CoreConfig> = {}): Promise<TestCore> {
  const t = tempDir('kenning-core-');
  const core = await Core.open(nodeCoreOptions({ home: t.dir, config: { workerIdleMs: 60_000, ...FAST_HASHES, ...config }, log: silentLog }));
  return {
    core,
    home: t.dir,
    ...testCalls((token, name, input = {}) => core.call({ token }, name, input)),
    close: async () => {
      await core.close();
      t.cleanup();
    },
  };
}

export function isAppError(e: unknown, code: string): boolean {
  return e instanceof AppError && e.code === code;
}
