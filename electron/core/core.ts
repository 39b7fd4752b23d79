/**
 * The Electron-free core: opens system.db, builds the services and exposes the contract as
 * `call(session, procedure, input) → Reply`. Both shells (Electron IPC and the HTTP host)
 * are thin adapters over one Core.
 */
import path from 'node:path';

import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import { AuthService } from './access/auth-service';
import { callerFor } from './access/caller';
import { permissionsOn } from './access/dataset-gate';
import { GrantService } from './access/grant-service';
import { TenantService } from './access/tenant-service';
import type { CoreConfig } from './config';
import { configFromEnv } from './config';
import { dispatch } from './dispatch';
import type { Session } from './dispatch';
import type { Engines } from './engines';
import { EventBus } from './events/event-bus';
import type { Log } from './log';
import { consoleLog } from './log';
import { sweepOrphanDatasetFiles } from './catalog/sweep-orphans';
import type { CognifyService } from './pipeline/cognify-service';
import type { Services } from './services';
import type { CoreReply } from './session-effect';
import { createStore } from './store';
import { openDb } from './store/db';

export type { Session } from './dispatch';
export type { CoreReply, SessionEffect } from './session-effect';

export type CoreOptions = Readonly<{
  home: string;
  config?: Partial<CoreConfig>;
  log?: Log;
  /** Builds the dataset engines (the worker pool). */
  engines: (ctx: { home: string; config: CoreConfig; log: Log }) => Engines;
  /** Builds the cognify orchestrator over the other services. */
  cognify: (services: Omit<Services, 'cognify'>) => CognifyService;
}>;

export class Core {
  private constructor(readonly services: Services) {}

  static async open(opts: CoreOptions): Promise<Core> {
    const home = path.resolve(opts.home);
    const config = configFromEnv(process.env, opts.config);
    const log = opts.log ?? consoleLog;
    const store = createStore(openDb(path.join(home, 'system.db')));
    const auth = new AuthService(store, config);
    await auth.ensureDefaultUser();
    // Runs a previous process left running can never finish: say so, and make their items pending again.
    const interrupted = await store.runs.markInterrupted();
    if (interrupted > 0) log.warn(`[core] ${interrupted} pipeline run(s) were interrupted by the last shutdown`);
    const orphans = await sweepOrphanDatasetFiles(home, store);
    if (orphans > 0) log.warn(`[core] removed the files of ${orphans} dataset(s) deleted before the last shutdown`);
    const base = {
      home,
      config,
      store,
      auth,
      tenants: new TenantService(store),
      grants: new GrantService(store),
      bus: new EventBus(),
      engines: opts.engines({ home, config, log }),
      log,
    };
    const services: Services = { ...base, cognify: opts.cognify(base) };
    return new Core(services);
  }

  /**
   * Calls a procedure. Never throws: failures come back as `{ ok: false, error }`. A reply may
   * carry a session effect (signed in / out) for the calling shell to apply and strip.
   */
  call<N extends ProcedureName>(session: Session, name: N, input: unknown): Promise<CoreReply<Output<N>>> {
    return dispatch(this.services, session, name, input);
  }

  /**
   * Subscribes a session to events. `session()` is read at delivery time, so switching
   * profile in the same window changes what it receives. Returns an unsubscribe function.
   */
  subscribe(session: () => Session, listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void {
    return this.services.bus.subscribe(listener, async (datasetId) => {
      const token = session().token;
      if (!token) return false;
      const user = await this.services.auth.userForToken(token);
      if (!user) return false;
      const caller = await callerFor(this.services.store, user.id);
      return (await permissionsOn(this.services.store, caller, datasetId)).read;
    });
  }

  /** Stops runs and workers, then closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.services.cognify.close();
    await this.services.engines.close();
    this.services.store.close();
  }
  #closed = false;
}
