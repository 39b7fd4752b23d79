import { useApp } from '../../store/hooks';

/** Warns while the profile still uses the shipped default password, which anyone can look up. */
export function DefaultPasswordBanner() {
  const usesDefault = useApp((s) => s.user?.usesDefaultPassword ?? false);
  const openDialog = useApp((s) => s.openDialog);
  if (!usesDefault) return null;
  return (
    <div className="banner warn" role="status" data-testid="default-password-banner">
      <span>This profile still uses the default password, so anyone on this machine can open it.</span>
      <button type="button" className="btn small" onClick={() => openDialog({ kind: 'changePassword' })}>
        Change password
      </button>
    </div>
  );
}
