import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { useDismissable } from '../../ui/useDismissable';

/** The current profile, always visible in the top bar, with switch and password actions. */
export function ProfileMenu() {
  const menu = useDismissable();
  const { email, signOut, openDialog } = useApp(useShallow((s) => ({ email: s.user?.email ?? '', signOut: s.signOut, openDialog: s.openDialog })));
  return (
    <details ref={menu} className="menu profile-menu" data-testid="profile-menu">
      <summary className="btn ghost" data-testid="current-profile" aria-label={`Current profile ${email}`}>
        <span className="avatar small" aria-hidden="true">
          {email.slice(0, 1).toUpperCase()}
        </span>
        <span>{email}</span>
      </summary>
      {/* Any choice closes the menu (a <details> would otherwise stay open). */}
      <div className="menu-pop" role="menu" onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}>
        <button type="button" role="menuitem" className="btn ghost" data-testid="switch-profile" onClick={() => void signOut()}>
          Switch profile
        </button>
        <button type="button" role="menuitem" className="btn ghost" onClick={() => openDialog({ kind: 'changePassword' })}>
          Change password
        </button>
        <button type="button" role="menuitem" className="btn ghost" data-testid="sign-out" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </details>
  );
}
