import type { Queryable } from "@adviser-hub/service";
import { parseRegionalKey } from "../global-id.js";

/** A key with no row in its region: `node()` answers null for it, other fields an error. */
export class RowNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`Not found: ${key}`);
    this.name = "RowNotFoundError";
  }
}

/**
 * Batches "region:id" keys into one query per region (in practice one: a viewer has one
 * region). Every lookup therefore names its region, so a row of another region cannot be read
 * even if a scope check were missed.
 */
export async function loadRegional<T>(
  db: Queryable,
  keys: readonly string[],
  byIds: (db: Queryable, region: string, ids: readonly string[]) => Promise<readonly (T | undefined)[]>,
): Promise<(T | Error)[]> {
  const byRegion = new Map<string, { index: number; id: string }[]>();
  // Filled as rows arrive; an Error (with its stack trace) is built only for a key left without
  // a row, which is rare, rather than for every key up front.
  const results = new Array<T | undefined>(keys.length);
  keys.forEach((key, index) => {
    const parsed = parseRegionalKey(key);
    if (!parsed) return;
    let list = byRegion.get(parsed.region);
    if (!list) {
      list = [];
      byRegion.set(parsed.region, list);
    }
    list.push({ index, id: parsed.id });
  });
  await Promise.all(
    [...byRegion].map(async ([region, entries]) => {
      const rows = await byIds(
        db,
        region,
        entries.map((entry) => entry.id),
      );
      entries.forEach((entry, i) => {
        results[entry.index] = rows[i];
      });
    }),
  );
  return keys.map((key, index) => {
    const row = results[index];
    return row === undefined ? new RowNotFoundError(key) : row;
  });
}
