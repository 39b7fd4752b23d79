/**
 * Branded identifiers: mixing up two kinds of id is a compile error. All ids are UUIDs.
 * The brand is zod's own (`$brand`), so the contract's `z.uuid().brand<'DatasetId'>()` parses
 * straight to these types and handlers need no casts.
 */
import type { $brand } from 'zod';

type Brand<T, B extends string> = T & $brand<B>;

export type UserId = Brand<string, 'UserId'>;
export type TenantId = Brand<string, 'TenantId'>;
export type RoleId = Brand<string, 'RoleId'>;
export type DatasetId = Brand<string, 'DatasetId'>;
export type DataId = Brand<string, 'DataId'>;
export type RunId = Brand<string, 'RunId'>;
/** A user, role or tenant: the things a permission can be granted to. */
export type PrincipalId = UserId | TenantId | RoleId;

/** The id kinds the contract can brand (a principal id is one of three, known only once looked up). */
export type IdBrand = 'UserId' | 'TenantId' | 'RoleId' | 'DatasetId' | 'DataId' | 'RunId';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `s` is a canonical UUID. Ids are the only values ever used to build file paths. */
export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID_RE.test(s);
}
