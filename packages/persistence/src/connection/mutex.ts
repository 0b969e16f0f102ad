/**
 * A first-come first-served lock. PGlite is a single PostgreSQL session, so a transaction must
 * own it from BEGIN to COMMIT/ROLLBACK; any other query waits instead of slipping into it.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = this.#tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }
}
