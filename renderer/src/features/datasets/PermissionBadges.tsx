import type { Permission, PermissionSet } from '../../../../shared/domain/permissions';

const LETTERS: readonly { p: Permission; short: string }[] = [
  { p: 'read', short: 'R' },
  { p: 'write', short: 'W' },
  { p: 'delete', short: 'D' },
  { p: 'share', short: 'S' },
];

/** The caller's permissions as compact badges: R W D S, held ones filled. */
export function PermissionBadges({ permissions }: Readonly<{ permissions: PermissionSet }>) {
  const held = LETTERS.filter((l) => permissions[l.p]).map((l) => l.p);
  return (
    <span className="badges" aria-label={`You can ${held.join(', ') || 'nothing'}`} data-testid="permission-badges" data-permissions={held.join(',')}>
      {LETTERS.map((l) => (
        <span key={l.p} className={permissions[l.p] ? 'badge on' : 'badge'} title={`${l.p}: ${permissions[l.p] ? 'yes' : 'no'}`} aria-hidden="true">
          {l.short}
        </span>
      ))}
    </span>
  );
}
