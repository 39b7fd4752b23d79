/** The /api/v1 routes share the host's context. */
export type { HostContext as V1Context } from '../context';
