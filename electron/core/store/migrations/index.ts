import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-settings';
import { migration0003 } from './0003-tenant-invitations';
import { migration0004 } from './0004-data-per-dataset';
import { migration0005 } from './0005-history-and-ontologies';
import type { Migration } from './types';

/** Every migration, in version order. Add a file per version; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
