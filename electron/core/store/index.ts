import type { Db } from './db';
import { AclsRepo } from './repos/acls-repo';
import { AuditRepo } from './repos/audit-repo';
import { DataRepo } from './repos/data-repo';
import { DatasetsRepo } from './repos/datasets-repo';
import { RunsRepo } from './repos/runs-repo';
import { SessionsRepo } from './repos/sessions-repo';
import { SettingsRepo } from './repos/settings-repo';
import { TenantsRepo } from './repos/tenants-repo';
import { UsersRepo } from './repos/users-repo';

/** Every repository over one database. Callers see async methods only. */
export type Store = Readonly<{
  db: Db;
  users: UsersRepo;
  tenants: TenantsRepo;
  acls: AclsRepo;
  datasets: DatasetsRepo;
  data: DataRepo;
  runs: RunsRepo;
  sessions: SessionsRepo;
  audit: AuditRepo;
  settings: SettingsRepo;
}>;

export function createStore(db: Db): Store {
  return {
    db,
    users: new UsersRepo(db),
    tenants: new TenantsRepo(db),
    acls: new AclsRepo(db),
    datasets: new DatasetsRepo(db),
    data: new DataRepo(db),
    runs: new RunsRepo(db),
    sessions: new SessionsRepo(db),
    audit: new AuditRepo(db),
    settings: new SettingsRepo(db),
  };
}
