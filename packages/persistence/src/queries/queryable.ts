import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** Read queries run on the database or inside a transaction (a Transaction is a Kysely). */
export type Queryable = Kysely<Database>;

/** A keyset page request: rows after `after` (an id) in id order, `first` of them. */
export interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

/** A page of rows plus the count of every row matching the filter (ignoring the cursor). */
export interface Page<Row> {
  readonly rows: readonly Row[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}
