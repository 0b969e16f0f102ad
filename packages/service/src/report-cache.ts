/**
 * Report results kept for reuse behind the region's data version (PolicySource.dataVersion),
 * which every committed write of the region moves on. A reader reads the version before any
 * row, so an entry holds figures at least as new as its version, and a request that sees a
 * newer version computes afresh: a cached report is never older than the data the caller
 * could see, and no time to live ever serves stale money. Several processes each keep their
 * own cache; the version in the database keeps them honest.
 *
 * Bounded: the least recently used entry goes first. A failed computation is not kept.
 */
export class ReportCache {
  readonly #entries = new Map<string, Promise<unknown>>();

  constructor(readonly maxEntries = 256) {}

  /** The value for `key` at `version`, computed once by `compute` while it is the newest. */
  get<T>(region: string, key: string, version: number, compute: () => Promise<T>): Promise<T> {
    const id = `${region}\u0000${version}\u0000${key}`;
    const hit = this.#entries.get(id) as Promise<T> | undefined;
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry most recently used.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }
    const value = compute();
    this.#entries.set(id, value);
    value.catch(() => {
      if (this.#entries.get(id) === value) this.#entries.delete(id);
    });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
