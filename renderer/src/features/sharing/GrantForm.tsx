import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { PERMISSIONS } from '../../../../shared/domain/permissions';
import { useApp } from '../../store/hooks';
import type { TenantDetails } from '../../store/views';
import type { Permission } from '../../../../shared/domain/permissions';

type Kind = 'user' | 'role' | 'tenant';

/** Grant permissions to a profile (by email), one of my tenant's roles, or my whole tenant. */
export function GrantForm() {
  const { tenant, grant, grantToEmail } = useApp(useShallow((s) => ({ tenant: s.tenant, grant: s.grant, grantToEmail: s.grantToEmail })));
  const others = useApp(useShallow((s) => (s.authStatus?.profiles ?? []).filter((p) => p.id !== s.user?.id).map((p) => p.email)));
  const [kind, setKind] = useState<Kind>('user');
  const [email, setEmail] = useState('');
  const [roleId, setRoleId] = useState('');
  const { picked, toggle, reset } = usePermissionPick(DEFAULT_NEW_GRANT);
  const roles = tenant?.roles ?? [];
  const ready = picked.length > 0 && ((kind === 'user' && email.trim()) || (kind === 'role' && roleId) || (kind === 'tenant' && tenant));

  const submit = async () => {
    const ok =
      kind === 'user' ? await grantToEmail(email, picked) : kind === 'role' ? await grant(roleId, picked) : tenant ? await grant(tenant.tenant.id, picked) : false;
    if (ok) {
      setEmail('');
      reset();
    }
  };

  return (
    <form
      className="grant-form"
      data-testid="grant-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Give access</h3>
      <div className="row wrap">
        <KindSelect kind={kind} onChange={setKind} roleCount={roles.length} tenant={tenant} />
        {kind === 'user' && (
          <input className="input" type="email" placeholder="name@example.com" aria-label="Email of the person" value={email} data-testid="grant-email" onChange={(e) => setEmail(e.target.value)} />
        )}
        {kind === 'user' && <LocalProfiles emails={others} onPick={setEmail} />}
        {kind === 'role' && <RoleSelect roles={roles} value={roleId} onChange={setRoleId} />}
      </div>
      <PermissionChecks picked={picked} toggle={toggle} />
      <button type="submit" className="btn primary" disabled={!ready} data-testid="grant-submit">
        Grant
      </button>
    </form>
  );
}

function KindSelect(props: Readonly<{ kind: Kind; onChange: (kind: Kind) => void; roleCount: number; tenant: TenantDetails | null }>) {
  const { kind, onChange, roleCount, tenant } = props;
  return (
    <>
      <label className="visually-hidden" htmlFor="grant-kind">
        To
      </label>
      <select id="grant-kind" className="input" value={kind} data-testid="grant-kind" onChange={(e) => onChange(e.target.value as Kind)}>
        <option value="user">A person (email)</option>
        <option value="role" disabled={roleCount === 0}>
          A role{roleCount === 0 ? ' (none yet)' : ''}
        </option>
        <option value="tenant" disabled={!tenant}>
          {tenant ? `Everyone in ${tenant.tenant.name}` : 'My tenant (none yet)'}
        </option>
      </select>
    </>
  );
}

/**
 * The other profiles on this machine, one click each, so sharing does not depend on typing an
 * address exactly. Only where the binding lists profiles (the desktop app); elsewhere the email
 * field is the way.
 */
function LocalProfiles({ emails, onPick }: Readonly<{ emails: readonly string[]; onPick: (email: string) => void }>) {
  if (emails.length === 0) return null;
  return (
    <div className="row wrap local-profiles" data-testid="grant-local-profiles">
      <span className="small muted">On this machine:</span>
      {emails.map((e) => (
        <button key={e} type="button" className="chip" onClick={() => onPick(e)}>
          {e}
        </button>
      ))}
    </div>
  );
}

function RoleSelect(props: Readonly<{ roles: TenantDetails['roles']; value: string; onChange: (roleId: string) => void }>) {
  return (
    <select className="input" aria-label="Role" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">Choose a role…</option>
      {props.roles.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

function PermissionChecks({ picked, toggle }: Readonly<{ picked: readonly Permission[]; toggle: (p: Permission) => void }>) {
  return (
    <fieldset className="row wrap perms">
      <legend className="small muted">May</legend>
      {PERMISSIONS.map((p) => (
        <label key={p} className="chip">
          <input type="checkbox" checked={picked.includes(p)} data-testid={`grant-perm-${p}`} onChange={() => toggle(p)} />
          {p}
        </label>
      ))}
    </fieldset>
  );
}

/** The permissions a new grant starts with. */
const DEFAULT_NEW_GRANT: readonly Permission[] = ['read'];

function usePermissionPick(initial: readonly Permission[]) {
  const [picked, setPicked] = useState<Permission[]>([...initial]);
  const toggle = (p: Permission) => setPicked((cur) => (cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p]));
  return { picked, toggle, reset: () => setPicked([...initial]) };
}
