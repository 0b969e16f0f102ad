import { londonAuthorities } from "../london-authorities.js";

// Clients of the service. Every borough brings four partners that share one free-day allowance
// when the policy pools by area; the three region-wide bodies have no home authority and are
// always their own quota holders.

export type OrganisationKind =
  | "COUNCIL"
  | "SAFEGUARDING_BOARD"
  | "POLICE"
  | "HEALTH"
  | "SCHOOL"
  | "VOLUNTARY";

export interface SeedOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** GSS code of the home authority; null for region-wide bodies. */
  readonly authorityCode: string | null;
}

export type BoroughPartner = "council" | "lscb" | "police" | "health";

export const orgId = (gssCode: string, partner: BoroughPartner): string =>
  `org-${gssCode}-${partner}`;

export const LSCB_ID = "org-london-lscb";
export const NHS_LONDON_ID = "org-london-nhs";
export const VOLUNTARY_ID = "org-london-voluntary";

const CITY = "E09000001";

function boroughOrganisations(gssCode: string, name: string): SeedOrganisation[] {
  return [
    {
      id: orgId(gssCode, "council"),
      name: `${name} Children's Services`,
      kind: "COUNCIL",
      authorityCode: gssCode,
    },
    {
      id: orgId(gssCode, "lscb"),
      name: `${name} Local Safeguarding Children Board`,
      kind: "SAFEGUARDING_BOARD",
      authorityCode: gssCode,
    },
    {
      id: orgId(gssCode, "police"),
      // The City has its own force; every other borough is policed by the Metropolitan Police.
      name:
        gssCode === CITY
          ? "City of London Police Public Protection Unit"
          : `Metropolitan Police ${name} Public Protection Desk`,
      kind: "POLICE",
      authorityCode: gssCode,
    },
    {
      id: orgId(gssCode, "health"),
      name: `NHS ${name} (primary care trust)`,
      kind: "HEALTH",
      authorityCode: gssCode,
    },
  ];
}

export const regionWideOrganisations: readonly SeedOrganisation[] = [
  {
    id: LSCB_ID,
    name: "London Safeguarding Children Board",
    kind: "SAFEGUARDING_BOARD",
    authorityCode: null,
  },
  { id: NHS_LONDON_ID, name: "NHS London", kind: "HEALTH", authorityCode: null },
  {
    id: VOLUNTARY_ID,
    name: "London Voluntary Sector Safeguarding Forum",
    kind: "VOLUNTARY",
    authorityCode: null,
  },
];

export const seedOrganisations: readonly SeedOrganisation[] = [
  ...londonAuthorities.flatMap((a) => boroughOrganisations(a.gssCode, a.name)),
  ...regionWideOrganisations,
];
