/** One schema version. `up` runs inside a transaction; versions are applied in order, once. */
export type Migration = Readonly<{ version: number; name: string; up: string }>;
