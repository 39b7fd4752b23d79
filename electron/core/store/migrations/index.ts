import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-settings';
import type { Migration } from './types';

/** Every migration, in version order. Add a file per version; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002];
