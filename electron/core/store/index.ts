import type { Db } from './db';
import { Sql } from './sql';
import { AclsRepo } from './repos/acls-repo';
import { AuditRepo } from './repos/audit-repo';
import { ConfigurationsRepo } from './repos/configurations-repo';
import { DataRepo } from './repos/data-repo';
import { DatasetsRepo } from './repos/datasets-repo';
import { OntologiesRepo } from './repos/ontologies-repo';
import { RunsRepo } from './repos/runs-repo';
import { SearchHistoryRepo } from './repos/search-history-repo';
import { SessionsRepo } from './repos/sessions-repo';
import { SettingsRepo } from './repos/settings-repo';
import { TenantsRepo } from './repos/tenants-repo';
import { UsersRepo } from './repos/users-repo';

/**
 * Every repository over one database. Callers see async methods only: the raw handle stays in
 * this module, so all SQL lives in the repositories (and their statements are prepared once).
 */
export type Store = Readonly<{
  users: UsersRepo;
  tenants: TenantsRepo;
  acls: AclsRepo;
  datasets: DatasetsRepo;
  data: DataRepo;
  runs: RunsRepo;
  sessions: SessionsRepo;
  audit: AuditRepo;
  settings: SettingsRepo;
  searchHistory: SearchHistoryRepo;
  ontologies: OntologiesRepo;
  configurations: ConfigurationsRepo;
  /** Closes the database. The store is unusable afterwards. */
  close(): void;
}>;

/** The raw handle behind each store, for `rawDbForTests` only. */
const handles = new WeakMap<Store, Db>();

export function createStore(db: Db): Store {
  const sql = new Sql(db);
  const store: Store = {
    users: new UsersRepo(sql),
    tenants: new TenantsRepo(sql),
    acls: new AclsRepo(sql),
    datasets: new DatasetsRepo(sql),
    data: new DataRepo(sql),
    runs: new RunsRepo(sql),
    sessions: new SessionsRepo(sql),
    audit: new AuditRepo(sql),
    settings: new SettingsRepo(sql),
    searchHistory: new SearchHistoryRepo(sql),
    ontologies: new OntologiesRepo(sql),
    configurations: new ConfigurationsRepo(sql),
    close: () => db.close(),
  };
  handles.set(store, db);
  return store;
}

/**
 * Test-only: the store's raw database handle, for tests and benchmarks that must write rows no
 * procedure writes (an expired session, a crash between two steps) or time raw SQL. Product
 * code goes through the repositories.
 */
export function rawDbForTests(store: Store): Db {
  const db = handles.get(store);
  if (!db) throw new Error('rawDbForTests: this store was not made by createStore');
  return db;
}
