import type { Transaction } from "kysely";
import type {
  AdviserLeaveRow,
  AdviserRow,
  AuthorityRow,
  Database,
  FunderContributionRow,
  FunderRow,
  HostArrangementRow,
  OrganisationRateRow,
  OrganisationRow,
  StatisticalNeighbourRow,
} from "../schema.js";

/** Every administered row of a region, as a bulk import compares its files with them. */
export interface RegionSnapshot {
  readonly authorities: readonly AuthorityRow[];
  readonly organisations: readonly OrganisationRow[];
  readonly rates: readonly OrganisationRateRow[];
  readonly advisers: readonly AdviserRow[];
  readonly leave: readonly AdviserLeaveRow[];
  readonly hostArrangements: readonly HostArrangementRow[];
  readonly funders: readonly FunderRow[];
  readonly contributions: readonly FunderContributionRow[];
  /** Ordered by authority, then rank. */
  readonly neighbours: readonly StatisticalNeighbourRow[];
}

/** One statement per table, in the caller's transaction; decides nothing. */
export async function regionSnapshot(trx: Transaction<Database>, region: string): Promise<RegionSnapshot> {
  const [authorities, organisations, rates, advisers, leave, hostArrangements, funders, contributions, neighbours] = [
    await trx.selectFrom("authorities").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("organisations").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("organisation_rates").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("advisers").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("adviser_leave").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("host_arrangements").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("funders").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("funder_contributions").selectAll().where("region_code", "=", region).execute(),
    await trx.selectFrom("statistical_neighbours").selectAll().where("region_code", "=", region).orderBy("authority_id").orderBy("rank").execute(),
  ];
  return { authorities, organisations, rates, advisers, leave, hostArrangements, funders, contributions, neighbours };
}
