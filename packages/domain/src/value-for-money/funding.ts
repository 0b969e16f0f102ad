import type { Pence } from "../quantities/money.js";

export interface Funder {
  readonly regionCode: string;
  readonly id: string;
  readonly name: string;
}

/** A funder's contribution for one financial year. */
export interface FunderContribution {
  readonly funderId: string;
  readonly year: number;
  readonly pence: Pence;
}

/** The programme's cost for one financial year (rule 13). */
export interface ProgrammeYear {
  readonly regionCode: string;
  readonly year: number;
  readonly costPence: Pence;
}
