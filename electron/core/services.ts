import type { AuthService } from './access/auth-service';
import type { GrantService } from './access/grant-service';
import type { TenantService } from './access/tenant-service';
import type { CoreConfig } from './config';
import type { Engines } from './engines';
import type { EventBus } from './events/event-bus';
import type { Log } from './log';
import type { CognifyService } from './pipeline/cognify-service';
import type { Store } from './store';

/** Everything a handler may use, created once per core. */
export type Services = Readonly<{
  /** The data home: system.db, databases/, data_storage/. */
  home: string;
  config: CoreConfig;
  store: Store;
  auth: AuthService;
  tenants: TenantService;
  grants: GrantService;
  bus: EventBus;
  engines: Engines;
  cognify: CognifyService;
  log: Log;
}>;
