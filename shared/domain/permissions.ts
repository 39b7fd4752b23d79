/** Permissions exist only on datasets (Cognee: read, write, delete, share). */
export const PERMISSIONS = ['read', 'write', 'delete', 'share'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(s: unknown): s is Permission {
  return typeof s === 'string' && (PERMISSIONS as readonly string[]).includes(s);
}

export type PermissionSet = Readonly<Record<Permission, boolean>>;

export const NO_PERMISSIONS: PermissionSet = Object.freeze({ read: false, write: false, delete: false, share: false });
export const ALL_PERMISSIONS: PermissionSet = Object.freeze({ read: true, write: true, delete: true, share: true });
