/** A minimal logger seam so tests can silence or capture output. */
export type Log = Readonly<{ info(msg: string, ...rest: unknown[]): void; warn(msg: string, ...rest: unknown[]): void; error(msg: string, ...rest: unknown[]): void }>;

export const consoleLog: Log = {
  info: (m, ...r) => console.log(m, ...r),
  warn: (m, ...r) => console.warn(m, ...r),
  error: (m, ...r) => console.error(m, ...r),
};

export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };
