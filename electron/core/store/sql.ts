import type Database from 'better-sqlite3';

import type { Db } from './db';

export type Statement = Database.Statement<unknown[], unknown>;

/**
 * What the repositories see of the database: statements prepared once and reused, and
 * transactions. better-sqlite3 compiles SQL in `prepare`, so preparing on every call compiled
 * the same text again each time (its own docs prepare once and keep the Statement).
 *
 * Statements are cached per SQL text and never evicted, so `stmt` is only for SQL from a fixed
 * set of strings; SQL that varies with its input must bind its values instead (see `json_each`
 * in the ACL and dataset repositories), or the cache would grow with every distinct input.
 */
export class Sql {
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Db) {
    this.#db = db;
  }

  /** The statement for `sql`, prepared on first use. */
  stmt(sql: string): Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  /** Runs `fn` in one transaction (a savepoint inside another one) and returns its result. */
  tx<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** How many distinct statements have been prepared: lets tests check the cache stays bounded. */
  get preparedCount(): number {
    return this.#statements.size;
  }
}
