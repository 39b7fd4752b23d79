import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { TenantDetails } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { Modal } from '../../ui/Modal';
import { InvitationsSection, PendingInvitations } from './InvitationsSection';
import { RolesSection } from './RolesSection';
import './tenant.css';

/**
 * Tenant and roles. Management is offered to the tenant owner only; members see who is in it
 * and may leave. A profile without a tenant sees the invitations addressed to it.
 */
export function TenantDialog() {
  const s = useApp(useShallow((st) => ({ tenant: st.tenant, error: st.tenantError, load: st.loadTenant, close: st.closeDialog })));
  // Invitations arrive while the dialog is closed: re-read on open.
  const load = s.load;
  useEffect(() => void load(), [load]);
  const t = s.tenant;
  return (
    <Modal title={t ? `Tenant: ${t.tenant.name}` : 'Tenant'} onClose={s.close} testId="tenant-dialog" wide>
      {!t && (
        <>
          <InvitationsSection />
          <CreateTenantForm />
        </>
      )}
      {t && (
        <>
          {!t.isOwner && <p className="muted">Only the tenant’s owner can change members and roles.</p>}
          <MemberList tenant={t} />
          {t.isOwner && (
            <>
              <PendingInvitations />
              <InviteMemberForm />
              <p className="muted small">An invited profile joins only when it accepts.</p>
            </>
          )}
          <RolesSection />
          <LeaveOrDelete />
        </>
      )}
      <ErrorText message={s.error} testId="tenant-error" />
    </Modal>
  );
}

function CreateTenantForm() {
  const create = useApp((st) => st.createTenant);
  const [name, setName] = useState('');
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (await create(name.trim())) setName('');
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
  );
}

/** The owner may remove anyone but themselves; everyone else only sees the list. */
function MemberList({ tenant: t }: Readonly<{ tenant: TenantDetails }>) {
  const s = useApp(useShallow((st) => ({ me: st.user?.id, remove: st.removeTenantMember })));
  return (
    <>
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
    </>
  );
}

function InviteMemberForm() {
  const invite = useApp((st) => st.inviteTenantMember);
  const [email, setEmail] = useState('');
  return (
    <form
      className="row"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await invite(email)) setEmail('');
      }}
    >
      <input className="input" type="email" placeholder="Email of a profile" aria-label="Email of the profile to invite" value={email} data-testid="member-email" onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="btn" disabled={!email.trim()} data-testid="member-invite">
        Invite
      </button>
    </form>
  );
}

/** A member leaves; the owner cannot leave, but deletes the tenant. Both ask once more first. */
function LeaveOrDelete() {
  const s = useApp(useShallow((st) => ({ tenant: st.tenant, leave: st.leaveTenant, remove: st.deleteTenant })));
  const [asking, setAsking] = useState(false);
  const t = s.tenant;
  if (!t) return null;
  const owner = t.isOwner;
  const what = owner
    ? `Delete ${t.tenant.name}? Every member leaves it, its roles are deleted and grants to the tenant or its roles stop working.`
    : `Leave ${t.tenant.name}? You lose its roles, your grants on its datasets, and whatever was shared with the tenant.`;
  return (
    <section aria-label={owner ? 'Delete tenant' : 'Leave tenant'} className="tenant-exit">
      {!asking ? (
        <button type="button" className="btn danger" data-testid={owner ? 'tenant-delete' : 'tenant-leave'} onClick={() => setAsking(true)}>
          {owner ? 'Delete tenant' : 'Leave tenant'}
        </button>
      ) : (
        <div className="row wrap" role="group">
          <span>{what}</span>
          <button type="button" className="btn" onClick={() => setAsking(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn danger primary"
            data-testid={owner ? 'tenant-delete-confirm' : 'tenant-leave-confirm'}
            onClick={async () => {
              if (await (owner ? s.remove() : s.leave())) setAsking(false);
            }}
          >
            {owner ? 'Delete tenant' : 'Leave tenant'}
          </button>
        </div>
      )}
    </section>
  );
}
