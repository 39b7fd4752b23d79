import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** Invitations addressed to this profile, each with Accept / Decline. Nothing joins without Accept. */
export function InvitationsSection() {
  const s = useApp(useShallow((st) => ({ invitations: st.invitations, accept: st.acceptInvitation, decline: st.declineInvitation })));
  if (s.invitations.length === 0) return null;
  return (
    <section aria-label="Invitations">
      <h3>Invitations ({s.invitations.length})</h3>
      <p className="muted small">Joining lets the tenant’s owner give you roles, and you see what is shared with the tenant. You can leave later.</p>
      <ul className="members" data-testid="tenant-invitations">
        {s.invitations.map((i) => (
          <li key={i.id} className="row spread" data-testid="invitation" data-tenant={i.tenantName}>
            <span>
              <strong>{i.tenantName}</strong> <span className="muted small">invited by {i.invitedByEmail}</span>
            </span>
            <span className="row">
              <button type="button" className="btn small primary" data-testid="invitation-accept" aria-label={`Accept the invitation to ${i.tenantName}`} onClick={() => void s.accept(i.id)}>
                Accept
              </button>
              <button type="button" className="btn small" data-testid="invitation-decline" aria-label={`Decline the invitation to ${i.tenantName}`} onClick={() => void s.decline(i.id)}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The owner's view of invitations not yet answered, each of which can be withdrawn. */
export function PendingInvitations() {
  const s = useApp(useShallow((st) => ({ invitations: st.tenant?.invitations ?? [], cancel: st.cancelInvitation })));
  if (s.invitations.length === 0) return null;
  return (
    <>
      <h3>Invited, not yet accepted ({s.invitations.length})</h3>
      <ul className="members" data-testid="tenant-pending">
        {s.invitations.map((i) => (
          <li key={i.id} className="row spread" data-testid="pending-invitation" data-email={i.userEmail}>
            <span>{i.userEmail}</span>
            <button type="button" className="btn small" aria-label={`Withdraw the invitation to ${i.userEmail}`} onClick={() => void s.cancel(i.id)}>
              Withdraw
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
