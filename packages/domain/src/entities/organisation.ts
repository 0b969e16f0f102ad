import type { Pence } from "../quantities/money.js";

/** A local authority area of the region; `id` is its GSS code. */
export interface Authority {
  readonly regionCode: string;
  readonly id: string;
  readonly name: string;
}

export const ORGANISATION_KINDS = [
  "COUNCIL",
  "SAFEGUARDING_BOARD",
  "POLICE",
  "HEALTH",
  "SCHOOL",
  "VOLUNTARY",
  "OTHER",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A client. `homeAuthorityId` is null for region-wide bodies. */
export interface Organisation {
  readonly regionCode: string;
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly homeAuthorityId: string | null;
  /** The last day it is a client; null (or absent) while open. */
  readonly closedOn?: string | null;
}

/** An organisation's negotiated day rate for one financial year (rule 5). */
export interface NegotiatedRate {
  readonly organisationId: string;
  readonly year: number;
  readonly dayRatePence: Pence;
}
