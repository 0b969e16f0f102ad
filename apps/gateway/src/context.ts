import type { Clock } from "@adviser-hub/domain";
import { type Database, type ReportCache, systemClock } from "@adviser-hub/service";
import type { Kysely } from "kysely";
import type { Viewer } from "./auth/viewer.js";
import { createLoaders, type HeldPolicies, type Loaders } from "./loaders/index.js";

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
  /**
   * Where the report queries (funding report, quota statement, capacity forecast, benchmark,
   * demand) read: a read replica when one is configured, else `db`. Their policy and data
   * version come from `reportLoaders`, on the same database, so a cached report is never
   * filed under a version newer than the rows it summed. Writes and everything a caller reads
   * back after a write use `db` and `loaders`.
   */
  readonly reportDb: Kysely<Database>;
  readonly reportLoaders: Loaders;
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

/**
 * The policies a gateway holds between requests, one map per database: a replica may lag the
 * primary, and each map is checked against the data version of the database it was read from.
 */
export interface HeldPoliciesOf {
  readonly db: HeldPolicies;
  readonly reportDb: HeldPolicies;
}

export function createContext(
  db: Kysely<Database>,
  viewer: Viewer | null,
  clock: Clock = systemClock,
  reports?: ReportCache,
  reportDb: Kysely<Database> = db,
  readAhead: ReadAhead = ALL_READ_AHEAD,
  held: HeldPoliciesOf = { db: new Map(), reportDb: new Map() },
): GatewayContext {
  const loaders = createLoaders(db, readAhead, held.db);
  if (reportDb === db) return { viewer, db, loaders, clock, reports, reportDb, reportLoaders: loaders, readAhead };
  let reportLoaders: Loaders | undefined;
  return {
    viewer,
    db,
    loaders,
    clock,
    reports,
    reportDb,
    // Built on first use: most requests read no report.
    get reportLoaders() {
      reportLoaders ??= createLoaders(reportDb, readAhead, held.reportDb);
      return reportLoaders;
    },
    readAhead,
  };
}
