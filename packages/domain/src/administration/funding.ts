import type { Pence } from "../quantities/money.js";
import type { Result, ValidationError } from "../result.js";
import { EntityReader } from "./entity-input.js";

/*
 * Funders and their contributions per financial year (rule 13's programme cost) as an
 * administrator enters them. A contribution is whole pence, zero or more, as the database's
 * funder_contributions_amount_not_negative holds.
 */

/** The largest contribution taken: ten billion pounds, far above any programme, below 2^53 pence. */
export const MAX_CONTRIBUTION_PENCE = 1_000_000_000_000;

export interface FunderInput {
  readonly id: unknown;
  readonly name: unknown;
}

export interface ValidFunder {
  readonly id: string;
  readonly name: string;
}

export function validateFunderInput(input: FunderInput, path = "input"): Result<ValidFunder, ValidationError> {
  const c = new EntityReader(path);
  const id = c.code(input?.id, "id");
  const name = c.name(input?.name);
  return c.result(() => ({ id: id!, name: name! }));
}

export interface FunderContributionInput {
  readonly funderId: unknown;
  readonly year: unknown;
  readonly amountPence: unknown;
}

export interface ValidFunderContribution {
  readonly funderId: string;
  readonly year: number;
  readonly amountPence: Pence;
}

export function validateFunderContributionInput(
  input: FunderContributionInput,
  path = "input",
): Result<ValidFunderContribution, ValidationError> {
  const c = new EntityReader(path);
  const funderId = c.code(input?.funderId, "funderId");
  const year = c.year(input?.year, "year");
  const amountPence = c.int(input?.amountPence, c.at("amountPence"), 0, MAX_CONTRIBUTION_PENCE);
  return c.result(() => ({ funderId: funderId!, year: year!, amountPence: amountPence! }));
}
