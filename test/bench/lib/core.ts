/** A core on a given data folder (so a benchmark can reopen the same files with other settings). */
import { Core } from '../../../electron/core/core';
import type { CoreConfig } from '../../../electron/core/config';
import { silentLog } from '../../../electron/core/log';
import { nodeCoreOptions } from '../../../electron/core/node-core';
import type { Output, ProcedureName } from '../../../shared/contract/procedures';

export type BenchCore = Readonly<{
  core: Core;
  home: string;
  call<N extends ProcedureName>(token: string | null, name: N, input?: unknown): Promise<Output<N>>;
  user(email: string): Promise<{ token: string; id: string }>;
}>;

/** `workerEntry`: the worker module to fork (default: the TypeScript entry through tsx). */
export async function openCore(home: string, config: Partial<CoreConfig> = {}, workerEntry?: string): Promise<BenchCore> {
  const core = await Core.open(
    nodeCoreOptions({ home, config: { workerIdleMs: 600_000, ...config }, log: silentLog, ...(workerEntry ? { workerEntry } : {}) }),
  );
  const call = async <N extends ProcedureName>(token: string | null, name: N, input: unknown = {}): Promise<Output<N>> => {
    const r = await core.call({ token }, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value as Output<N>;
  };
  return {
    core,
    home,
    call,
    user: async (email) => {
      await call(null, 'auth.register', { email, password: 'password-123' });
      const s = await call(null, 'auth.signIn', { email, password: 'password-123' });
      return { token: s.token, id: s.user.id };
    },
  };
}
