import { describe, expect, it } from 'vitest';

import { can, effectivePermissions, permissionsByDataset } from '../../../../electron/core/access/resolve';
import type { Grant } from '../../../../electron/core/access/resolve';

const g = (principalId: string, datasetId: string, permission: Grant['permission']): Grant => ({ principalId, datasetId, permission });

describe('permission resolution (pure, deny by default)', () => {
  it('denies with no grants', () => {
    expect(can([], new Set(['u']), 'd', 'read')).toBe(false);
    expect(effectivePermissions([], new Set(['u']), 'd')).toEqual({ read: false, write: false, delete: false, share: false });
  });

  it('is the union of user, role and tenant grants', () => {
    const grants = [g('u', 'd', 'read'), g('role', 'd', 'write'), g('tenant', 'd', 'share'), g('other', 'd', 'delete')];
    expect(effectivePermissions(grants, new Set(['u', 'role', 'tenant']), 'd')).toEqual({ read: true, write: true, delete: false, share: true });
  });

  it('permissions are independent: write does not imply read or delete', () => {
    const grants = [g('u', 'd', 'write')];
    expect(can(grants, new Set(['u']), 'd', 'write')).toBe(true);
    expect(can(grants, new Set(['u']), 'd', 'read')).toBe(false);
    expect(can(grants, new Set(['u']), 'd', 'delete')).toBe(false);
  });

  it('a grant on one dataset says nothing about another', () => {
    expect(can([g('u', 'd1', 'read')], new Set(['u']), 'd2', 'read')).toBe(false);
  });

  it('groups grants per dataset for listings', () => {
    const m = permissionsByDataset([g('u', 'd1', 'read'), g('r', 'd1', 'share'), g('u', 'd2', 'write'), g('x', 'd3', 'read')], new Set(['u', 'r']));
    expect([...m.keys()].sort()).toEqual(['d1', 'd2']);
    expect(m.get('d1')).toEqual({ read: true, write: false, delete: false, share: true });
  });
});
