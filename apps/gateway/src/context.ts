import type { Clock } from "@adviser-hub/domain";
import { type Database, type ReportCache, systemClock } from "@adviser-hub/service";
import type { Kysely } from "kysely";
import type { Viewer } from "./auth/viewer.js";
import { createLoaders, type Loaders } from "./loaders/index.js";

/**
 * Everything a resolver may use. A fresh context per request: its DataLoaders cache only for
 * that request, so one viewer never reads another's cached rows.
 */
export interface GatewayContext {
  readonly viewer: Viewer | null;
  readonly db: Kysely<Database>;
  readonly loaders: Loaders;
  /** The time writes are stamped with; the domain never reads a clock itself. */
  readonly clock: Clock;
  /**
   * Region-level report results shared by every request of this gateway, keyed on the
   * region's data version: only what is the same for every viewer allowed to read it goes in.
   */
  readonly reports: ReportCache | undefined;
  /** Which reads are done ahead, in the statement of what comes first (GatewayOptions.readAhead). */
  readonly readAhead: ReadAhead;
}

/** Statements saved by reading what a query will ask for with what it asks first. */
export interface ReadAhead {
  /** A page of engagements reads the organisation, lead adviser and deliveries it selects. */
  readonly pageChildren: boolean;
  /** A region is read with its policy versions. */
  readonly regionPolicies: boolean;
}

export const ALL_READ_AHEAD: ReadAhead = { pageChildren: true, regionPolicies: true };

export function createContext(
  db: Kysely<Database>,
  viewer: Viewer | null,
  clock: Clock = systemClock,
  reports?: ReportCache,
  readAhead: ReadAhead = ALL_READ_AHEAD,
): GatewayContext {
  return { viewer, db, loaders: createLoaders(db, readAhead), clock, reports, readAhead };
}
