import { parseExactDecimal } from "../quantities/exact-decimal.js";
import { BASIS_POINTS_ONE, type BasisPoints } from "../quantities/integer-arithmetic.js";
import { Reader } from "../validation/field-reader.js";

/*
 * What every administered entity's input shares: one Reader that names each field under the
 * caller's path (`input.fte` for a mutation's input, `rows[3].fte` for a row of an import), ids
 * as the API hands them out, financial years and exact shares.
 */

/** A code as the region writes it (adv-4, org-council-7): what the gateway reads as an id. */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const ENTITY_ID_HINT = "must be 1 to 100 letters, digits or _ . : - starting with a letter or digit";

/** Financial years the database accepts (region_policies_from_year_range). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export class EntityReader extends Reader {
  constructor(private readonly path: string) {
    super();
  }
  /** `fte` under the path: `input.fte`. */
  at(field: string): string {
    return this.path === "" ? field : `${this.path}.${field}`;
  }
  code(v: unknown, field: string): string | undefined {
    return this.str(v, this.at(field), ENTITY_ID, ENTITY_ID_HINT);
  }
  name(v: unknown, field = "name"): string | undefined {
    const name = this.str(v, this.at(field));
    if (name !== undefined && name.trim().length > 200) return this.add(this.at(field), "must be at most 200 characters");
    return name?.trim();
  }
  year(v: unknown, field: string): number | undefined {
    return this.int(v, this.at(field), MIN_YEAR, MAX_YEAR);
  }
  /**
   * A share of one (an FTE, a salary share) given as an exact decimal ("0.8", 0.25) above zero and
   * at most 1, to four places: basis points, never through a float.
   */
  share(v: unknown, field: string): BasisPoints | undefined {
    const at = this.at(field);
    if (typeof v !== "string" && typeof v !== "number") return this.add(at, v === undefined ? "is required" : "must be a decimal");
    const decimal = parseExactDecimal(typeof v === "string" ? v.trim() : v);
    if (decimal === null) return this.add(at, "must be a decimal such as 0.8");
    const scaled = decimal.scaled * BigInt(BASIS_POINTS_ONE);
    if (scaled % decimal.scale !== 0n) return this.add(at, "must have at most four decimal places");
    const bp = scaled / decimal.scale;
    if (bp <= 0n || bp > BigInt(BASIS_POINTS_ONE)) return this.add(at, "must be above 0 and at most 1");
    return Number(bp);
  }
}
