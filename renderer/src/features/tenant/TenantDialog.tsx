import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';
import { RolesSection } from './RolesSection';
import './tenant.css';

/** Tenant and roles. Management is offered to the tenant owner only; members see who is in it. */
export function TenantDialog() {
  const s = useApp(
    useShallow((st) => ({
      tenant: st.tenant,
      me: st.user?.id,
      error: st.tenantError,
      create: st.createTenant,
      add: st.addTenantMember,
      remove: st.removeTenantMember,
      close: st.closeDialog,
    })),
  );
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const t = s.tenant;
  return (
    <Modal title={t ? `Tenant: ${t.tenant.name}` : 'Tenant'} onClose={s.close} testId="tenant-dialog" wide>
      {!t && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await s.create(name.trim())) setName('');
          }}
        >
          <p>A tenant groups the profiles on this machine that work together, so datasets can be shared with all of them or with a role at once.</p>
          <div className="row">
            <input className="input" aria-label="Tenant name" placeholder="Tenant name" value={name} data-testid="tenant-name" onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="btn primary" disabled={!name.trim()} data-testid="tenant-create">
              Create tenant
            </button>
          </div>
        </form>
      )}
      {t && (
        <>
          {!t.isOwner && <p className="muted">Only the tenant’s owner can change members and roles.</p>}
          <h3>Members ({t.members.length})</h3>
          <ul className="members" data-testid="tenant-members">
            {t.members.map((m) => (
              <li key={m.id} className="row spread">
                <span>
                  {m.email}
                  {m.id === t.tenant.ownerId && <span className="muted small"> owner</span>}
                </span>
                {t.isOwner && m.id !== s.me && (
                  <button type="button" className="btn small danger" aria-label={`Remove ${m.email}`} onClick={() => void s.remove(m.id)}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
          {t.isOwner && (
            <form
              className="row"
              onSubmit={async (e) => {
                e.preventDefault();
                if (await s.add(email)) setEmail('');
              }}
            >
              <input className="input" type="email" placeholder="Email of a profile" aria-label="Email of the member to add" value={email} data-testid="member-email" onChange={(e) => setEmail(e.target.value)} />
              <button type="submit" className="btn" disabled={!email.trim()} data-testid="member-add">
                Add member
              </button>
            </form>
          )}
          <RolesSection />
        </>
      )}
      <ErrorText message={s.error} testId="tenant-error" />
    </Modal>
  );
}
