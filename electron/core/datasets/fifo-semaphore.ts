/** A counting semaphore that admits waiters strictly first come, first served. */
export class FifoSemaphore {
  #free: number;
  readonly #waiters: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new TypeError('capacity must be a positive integer');
    this.#free = capacity;
  }

  get inUse(): number {
    return this.capacity - this.#free;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  /** Resolves with a release function once a slot is free; releasing twice is harmless. */
  async acquire(): Promise<() => void> {
    if (this.#free > 0 && this.#waiters.length === 0) this.#free--;
    else await new Promise<void>((r) => this.#waiters.push(r)); // the slot is handed over by release()
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#free++;
    };
  }
}
