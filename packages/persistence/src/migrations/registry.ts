import type { Migration } from "kysely";
import * as initial from "./2026-11-25-0001-initial.js";
import * as adjustmentPeriods from "./2026-11-25-0002-adjustment-periods.js";
import * as reportYearIndexes from "./2026-11-25-0003-report-year-indexes.js";
import * as storedAllocation from "./2026-12-02-0004-stored-allocation.js";
import * as outcomeAssessment from "./2026-12-02-0005-outcome-assessment.js";
import * as domainBounds from "./2026-12-02-0006-domain-bounds.js";
import * as issuedStatementFreeze from "./2026-12-02-0007-issued-statement-freeze.js";
import * as hostShareSerialized from "./2026-12-02-0008-host-share-serialized.js";
import * as applicationRole from "./2026-12-02-0009-application-role.js";
import * as regionDataVersions from "./2026-12-02-0010-region-data-versions.js";
import * as administeredEntities from "./2026-12-03-0012-administered-entities.js";
import * as knowledgeHub from "./2026-12-03-0014-knowledge-hub.js";
import * as publishedBenchmarks from "./2026-12-03-0015-published-benchmarks.js";

/**
 * Every migration, by name. A static map rather than a folder scan, so the same list runs under
 * tsx, vitest and the built `dist` alike. Names sort by date; add new ones at the end.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "2026-11-25-0001-initial": initial,
  "2026-11-25-0002-adjustment-periods": adjustmentPeriods,
  "2026-11-25-0003-report-year-indexes": reportYearIndexes,
  "2026-12-02-0004-stored-allocation": storedAllocation,
  "2026-12-02-0005-outcome-assessment": outcomeAssessment,
  "2026-12-02-0006-domain-bounds": domainBounds,
  "2026-12-02-0007-issued-statement-freeze": issuedStatementFreeze,
  "2026-12-02-0008-host-share-serialized": hostShareSerialized,
  "2026-12-02-0009-application-role": applicationRole,
  "2026-12-02-0010-region-data-versions": regionDataVersions,
  "2026-12-03-0012-administered-entities": administeredEntities,
  "2026-12-03-0014-knowledge-hub": knowledgeHub,
  "2026-12-03-0015-published-benchmarks": publishedBenchmarks,
};
