import {
  type ForbiddenError,
  LEARNING_ITEM_KINDS,
  type LearningItemKind,
  type LibraryVisibility,
  type Result,
  type ValidationError,
  invalid,
  libraryVisibility,
  mayPerform,
  refusalOf,
} from "@adviser-hub/domain";
import { type Database, type LibraryPage, type LibrarySearch, searchLearningItems as searchLibrary } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import { forbidden, type Reader } from "./actor.js";

export interface SearchLearningItemsArgs {
  readonly region: string;
  readonly query?: string | null;
  readonly kinds?: readonly string[] | null;
  readonly theme?: string | null;
  readonly authority?: string | null;
  readonly year?: number | null;
  readonly first: number;
  /** Items to skip: the position after the previous page's last hit. */
  readonly offset: number;
}

export interface LibrarySearchResult extends LibraryPage {
  readonly region: string;
  /** What this reader may see, as the domain decided: the gateway hides text by it. */
  readonly visibility: LibraryVisibility;
  readonly offset: number;
  /** The search as run, visibility applied: the same filter gives the counts by theme. */
  readonly search: LibrarySearch;
}

export const SEARCH_PAGE_MAX = 100;
export const SEARCH_QUERY_MAX = 200;

/**
 * Searches a region's learning library (rule 19): PostgreSQL full-text search over title and
 * summary, best match first, filtered by theme, kind, authority and year. What the reader
 * sees is the domain's libraryVisibility: a reader of another region gets the public items;
 * a funder counts and themes only, so it may filter but not search the text.
 */
export async function searchLearningItems(
  db: Kysely<Database>,
  reader: Reader,
  args: SearchLearningItemsArgs,
): Promise<Result<LibrarySearchResult, ValidationError | ForbiddenError>> {
  if (!reader || !mayPerform(reader.role, "searchLearningItems")) return { ok: false, error: forbidden(refusalOf(reader.role, "searchLearningItems")) };
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > SEARCH_PAGE_MAX)
    return invalid("first", `must be between 1 and ${SEARCH_PAGE_MAX}`);
  if (!Number.isInteger(args.offset) || args.offset < 0) return invalid("after", "is not a cursor of this search");
  const query = args.query?.trim() ? args.query.trim() : null;
  if (query !== null && query.length > SEARCH_QUERY_MAX) return invalid("query", `must be at most ${SEARCH_QUERY_MAX} characters`);
  const kinds: LearningItemKind[] = [];
  for (const [i, kind] of (args.kinds ?? []).entries()) {
    if (!(LEARNING_ITEM_KINDS as readonly string[]).includes(kind)) return invalid(`kinds.${i}`, `must be one of ${LEARNING_ITEM_KINDS.join(", ")}`);
    kinds.push(kind as LearningItemKind);
  }
  if (args.year !== undefined && args.year !== null && (!Number.isInteger(args.year) || args.year < 1900 || args.year > 2999))
    return invalid("year", "must be between 1900 and 2999");
  const visibility = libraryVisibility(reader, args.region);
  if (!visibility.text && query !== null)
    return invalid("query", "a FUNDER reads counts and themes only: filter by theme, kind, authority or year instead");
  const search: LibrarySearch = {
    query,
    kinds,
    theme: args.theme ?? null,
    authorityId: args.authority ?? null,
    year: args.year ?? null,
    states: visibility.states,
    audiences: visibility.audiences,
    highlight: visibility.text,
  };
  const page = await searchLibrary(db, args.region, search, { first: args.first, offset: args.offset });
  return { ok: true, value: { ...page, region: args.region, visibility, offset: args.offset, search } };
}
