import type { QuotaDelivery, QuotaOrganisation } from "../quota/allocate-quota.js";

/** The worked examples' organisations: Kensington and Chelsea's council and police, a second borough, a region-wide body. */
export const KC = "E09000020";
export const BD = "E09000002";
export const organisations: QuotaOrganisation[] = [
  { id: "org-kc-council", homeAuthorityId: KC },
  { id: "org-kc-police", homeAuthorityId: KC },
  { id: "org-bd-council", homeAuthorityId: BD },
  { id: "org-lscb", homeAuthorityId: null },
];

let seq = 0;
export function delivery(
  organisationId: string,
  date: string,
  units: number,
  extra: Partial<QuotaDelivery> = {},
): QuotaDelivery {
  seq += 1;
  return {
    id: `del-${seq}`,
    date,
    recordedSeq: seq,
    units,
    organisationId,
    strand: "PROJECT_SUPPORT",
    agreedDayRatePence: null,
    ...extra,
  };
}
