import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** Roles of the tenant, with who holds each; owners create, delete and assign. */
export function RolesSection() {
  const s = useApp(
    useShallow((st) => ({ tenant: st.tenant, create: st.createRole, remove: st.deleteRole, setMember: st.setRoleMember })),
  );
  const [name, setName] = useState('');
  const t = s.tenant;
  if (!t) return null;
  return (
    <section aria-label="Roles">
      <h3>Roles ({t.roles.length})</h3>
      {t.roles.length === 0 && <p className="muted small">No roles yet. A role lets you share a dataset with a group of members at once.</p>}
      <ul className="roles" data-testid="tenant-roles">
        {t.roles.map((r) => (
          <li key={r.id}>
            <div className="row spread">
              <strong>{r.name}</strong>
              {t.isOwner && (
                <button type="button" className="btn small danger" aria-label={`Delete role ${r.name}`} onClick={() => void s.remove(r.id)}>
                  Delete
                </button>
              )}
            </div>
            <div className="row wrap">
              {t.members.map((m) => (
                <label key={m.id} className="chip">
                  <input
                    type="checkbox"
                    checked={r.memberIds.includes(m.id)}
                    disabled={!t.isOwner}
                    onChange={(e) => void s.setMember(r.id, m.id, e.target.checked)}
                  />
                  {m.email}
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {t.isOwner && (
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await s.create(name.trim())) setName('');
          }}
        >
          <input className="input" placeholder="New role name" aria-label="New role name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn" disabled={!name.trim()}>
            Create role
          </button>
        </form>
      )}
    </section>
  );
}
