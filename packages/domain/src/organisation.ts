import type { Pence } from "./quantities.js";
import type { RegionPolicy } from "./region-policy.js";

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
}

/** An organisation's negotiated day rate for one financial year (rule 5). */
export interface NegotiatedRate {
  readonly organisationId: string;
  readonly year: number;
  readonly dayRatePence: Pence;
}

/**
 * Who holds the free allowance for an organisation's work (rule 3): its home authority when the
 * policy pools by area, itself when it pools by organisation, and always itself when it has no
 * home authority (a region-wide body).
 */
export function quotaHolderOf(
  policy: Pick<RegionPolicy, "quotaPooling">,
  organisation: Pick<Organisation, "id" | "homeAuthorityId">,
): string {
  if (policy.quotaPooling === "AREA" && organisation.homeAuthorityId !== null)
    return organisation.homeAuthorityId;
  return organisation.id;
}
