import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { LondonPilotData } from "./london-pilot-data.js";

/** Statements for the 2010 financial year's months, issued as the pilot would have issued them. */
export async function seedStatements(
  _trx: Transaction<Database>,
  _region: string,
  _data: LondonPilotData,
): Promise<number> {
  return 0;
}
