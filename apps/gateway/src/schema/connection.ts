import type { Page } from "@adviser-hub/service";
import { ValidationError } from "../errors/index.js";
import { limits } from "../limits/index.js";

/** Connection arguments after Pothos parsing. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

const cursorPrefix = "after:";

export const encodeCursor = (id: string): string => Buffer.from(`${cursorPrefix}${id}`, "utf8").toString("base64url");

/** Validates forward pagination and returns the page request; only first/after are supported. */
export function pageRequest(args: ConnectionArgs, defaultSize = 20): { first: number; after: string | null } {
  if (args.last != null || args.before != null) {
    throw new ValidationError("last", "Only forward pagination (first/after) is supported");
  }
  const first = args.first ?? defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > limits.maxPageSize) {
    throw new ValidationError("first", `first must be between 0 and ${limits.maxPageSize}`);
  }
  let after: string | null = null;
  if (args.after != null) {
    const text = /^[A-Za-z0-9_-]{1,400}$/.test(args.after) ? Buffer.from(args.after, "base64url").toString("utf8") : "";
    if (!text.startsWith(cursorPrefix)) throw new ValidationError("after", "after is not a cursor of this connection");
    after = text.slice(cursorPrefix.length);
  }
  return { first, after };
}

/** Shapes a keyset page as a Relay connection with totalCount. */
export function toConnection<Row extends { id: string }, Node>(page: Page<Row>, node: (row: Row) => Node) {
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(row.id), node: node(row) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
