import { type Strand, addDays } from "@adviser-hub/domain";
import { londonAuthorities } from "../london-authorities.js";
import { LSCB_ID, NHS_LONDON_ID, VOLUNTARY_ID, orgId } from "./organisations.js";
import type { Prng } from "../prng.js";

// What the pilot was asked to do. The named engagements retell the work described in the
// source article (January 2011); the rest are synthetic project-support requests spread over
// the boroughs so that the quota, charging and capacity rules all have something to bite on.

/** How an engagement's story ends in the seed; ACCEPTED/ACTIVE/COMPLETED follow deliveries. */
export type SeedPath =
  | { readonly kind: "RUN" }
  | { readonly kind: "RUN_THEN_CANCEL"; readonly cancelOn: string }
  | { readonly kind: "WAITLIST_THEN_RUN"; readonly acceptOn: string }
  | { readonly kind: "REQUESTED" }
  | { readonly kind: "WAITLISTED"; readonly earliestWeek: string }
  | { readonly kind: "DECLINED"; readonly declineOn: string }
  | { readonly kind: "WAITLIST_THEN_WITHDRAW"; readonly earliestWeek: string; readonly withdrawOn: string };

export interface RapidResponseCallOut {
  /** When the borough asked for help, UTC. */
  readonly requestedAt: string;
  /** When the adviser arrived on site, UTC; its date is the first delivery. */
  readonly onSiteAt: string;
  /** Days on site, one delivery per consecutive working day, in units. */
  readonly unitsByDay: readonly number[];
}

export interface EngagementSpec {
  readonly id: string;
  readonly organisationId: string;
  readonly strand: Strand;
  readonly title: string;
  readonly themes: readonly string[];
  readonly leadAdviserId: string;
  /** The day rate agreed for this engagement, pence; null falls back to the policy's rate. */
  readonly agreedRatePence: number | null;
  readonly estimateUnits: number;
  /** Request instant, UTC ISO. */
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly startDate: string;
  readonly endDate: string;
  /** Most units the scheduler gives this engagement in one week. */
  readonly paceUnitsPerWeek: number;
  readonly path: SeedPath;
  readonly hostArrangementId?: string;
  readonly rapidResponse?: RapidResponseCallOut;
  readonly notes?: string;
}

export const ADMIN_USER = "user-london-admin";
export const authorityUser = (gss: string): string => `user-${gss}`;
export const adviserUser = (adviserId: string): string => `user-${adviserId}`;

const run = { kind: "RUN" } as const;

const addWeeks = (date: string, weeks: number): string => addDays(date, weeks * 7);

/** Engagements named after the work in the article, hand-written. */
const namedEngagements: EngagementSpec[] = [
  {
    id: "eng-0001",
    organisationId: orgId("E09000028", "police"),
    strand: "PROJECT_SUPPORT",
    title: "Reducing delay in care proceedings with the police and the family court",
    themes: ["court delays", "police", "care proceedings"],
    leadAdviserId: "adv-2",
    agreedRatePence: 60000,
    estimateUnits: 30,
    requestedAt: "2010-10-18T10:05:00Z",
    requestedBy: authorityUser("E09000028"),
    startDate: "2010-11-01",
    endDate: "2011-10-28",
    paceUnitsPerWeek: 2,
    path: run,
  },
  {
    id: "eng-0002",
    organisationId: orgId("E09000028", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Reducing the number of children entering care: edge-of-care pathway",
    themes: ["looked after children", "early help"],
    leadAdviserId: "adv-2",
    agreedRatePence: 60000,
    estimateUnits: 20,
    requestedAt: "2011-02-14T09:20:00Z",
    requestedBy: authorityUser("E09000028"),
    startDate: "2011-04-04",
    endDate: "2011-12-23",
    paceUnitsPerWeek: 2,
    path: run,
  },
  {
    id: "eng-0003",
    organisationId: orgId("E09000020", "council"),
    strand: "HOST_SUPPORT",
    title: "Think Family review of the family assessment approach to parental mental health",
    themes: ["think family", "parental mental health", "adult social care", "health"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 96,
    requestedAt: "2010-04-01T09:00:00Z",
    requestedBy: authorityUser("E09000020"),
    startDate: "2010-04-01",
    endDate: "2011-03-31",
    paceUnitsPerWeek: 2,
    path: run,
    hostArrangementId: "host-1",
  },
  {
    id: "eng-0004",
    organisationId: orgId("E09000023", "lscb"),
    strand: "PROJECT_SUPPORT",
    title: "Review of child protection arrangements, reported to the local safeguarding children board",
    themes: ["child protection", "engaging families", "partnership working"],
    leadAdviserId: "adv-2",
    agreedRatePence: 60000,
    estimateUnits: 44,
    requestedAt: "2010-06-21T14:30:00Z",
    requestedBy: authorityUser("E09000023"),
    startDate: "2010-07-05",
    endDate: "2011-01-28",
    paceUnitsPerWeek: 2,
    path: run,
  },
  {
    id: "eng-0005",
    organisationId: LSCB_ID,
    strand: "KNOWLEDGE_HUB",
    title: "Pilot of the SCIE systems methodology for case reviews in London",
    themes: ["serious case reviews", "learning", "SCIE"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 40,
    requestedAt: "2010-12-06T11:00:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2011-01-10",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0006",
    organisationId: NHS_LONDON_ID,
    strand: "STRATEGIC",
    title: "Safeguarding children response to the NHS White Paper",
    themes: ["health", "NHS reform", "designated professionals"],
    leadAdviserId: "adv-2",
    agreedRatePence: null,
    estimateUnits: 12,
    requestedAt: "2010-09-20T10:00:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2010-10-04",
    endDate: "2011-02-25",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0007",
    organisationId: NHS_LONDON_ID,
    strand: "STRATEGIC",
    title: "Strengthening safeguarding in primary care under GP commissioning",
    themes: ["health", "primary care", "commissioning"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 24,
    requestedAt: "2011-01-17T10:00:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2011-02-07",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0008",
    organisationId: LSCB_ID,
    strand: "KNOWLEDGE_HUB",
    title: "Good practice in safeguarding arrangements for disabled children",
    themes: ["disabled children", "good practice"],
    leadAdviserId: "adv-2",
    agreedRatePence: null,
    estimateUnits: 20,
    requestedAt: "2011-01-26T16:10:00Z",
    requestedBy: adviserUser("adv-2"),
    startDate: "2011-05-02",
    endDate: "2012-02-24",
    paceUnitsPerWeek: 1,
    path: { kind: "WAITLIST_THEN_RUN", acceptOn: "2011-04-18" },
  },
  {
    id: "eng-0009",
    organisationId: orgId("E09000008", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Support with the improvement plan after an unannounced inspection of contact and referral",
    themes: ["inspection", "improvement plan", "front door"],
    leadAdviserId: "adv-3",
    agreedRatePence: 65000,
    estimateUnits: 32,
    requestedAt: "2011-01-26T15:45:00Z",
    requestedBy: authorityUser("E09000008"),
    startDate: "2011-02-01",
    endDate: "2011-07-29",
    paceUnitsPerWeek: 3,
    path: run,
  },
  {
    id: "eng-0010",
    organisationId: LSCB_ID,
    strand: "KNOWLEDGE_HUB",
    title: "Benchmarking child protection statistics across London boroughs",
    themes: ["benchmarking", "performance", "child protection"],
    leadAdviserId: "adv-3",
    agreedRatePence: null,
    estimateUnits: 50,
    requestedAt: "2010-04-12T09:30:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2010-05-04",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0011",
    organisationId: VOLUNTARY_ID,
    strand: "STRATEGIC",
    title: "Helping the voluntary sector tender on its strengths alongside statutory services",
    themes: ["voluntary sector", "commissioning", "tendering"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 16,
    requestedAt: "2010-07-12T13:00:00Z",
    requestedBy: adviserUser("adv-1"),
    startDate: "2010-09-06",
    endDate: "2011-06-24",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0012",
    organisationId: LSCB_ID,
    strand: "KNOWLEDGE_HUB",
    title: "Safeguarding briefings for elected members",
    themes: ["elected members", "governance", "training"],
    leadAdviserId: "adv-3",
    agreedRatePence: null,
    estimateUnits: 10,
    requestedAt: "2010-11-08T10:00:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2011-01-04",
    endDate: "2011-05-27",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0013",
    organisationId: LSCB_ID,
    strand: "STRATEGIC",
    title: "Advice to the London Safeguarding Children Board on its priorities",
    themes: ["governance", "LSCB priorities", "monitoring agencies"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 36,
    requestedAt: "2010-04-06T09:00:00Z",
    requestedBy: ADMIN_USER,
    startDate: "2010-04-12",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
  },
  {
    id: "eng-0014",
    organisationId: orgId("E09000023", "lscb"),
    strand: "PROJECT_SUPPORT",
    title: "Multi-agency staff development programme following the child protection review",
    themes: ["workforce", "training", "partnership working"],
    leadAdviserId: "adv-2",
    agreedRatePence: 60000,
    estimateUnits: 12,
    requestedAt: "2011-01-27T12:00:00Z",
    requestedBy: authorityUser("E09000023"),
    startDate: "2011-04-04",
    endDate: "2011-09-30",
    paceUnitsPerWeek: 2,
    path: run,
  },
  {
    id: "eng-0015",
    organisationId: orgId("E09000020", "council"),
    strand: "HOST_SUPPORT",
    title: "Host priorities 2011-12: implementing the Think Family recommendations",
    themes: ["think family", "host priorities"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 96,
    requestedAt: "2011-03-21T09:00:00Z",
    requestedBy: authorityUser("E09000020"),
    startDate: "2011-04-01",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 2,
    path: run,
    hostArrangementId: "host-1",
  },
  {
    id: "eng-0016",
    organisationId: orgId("E09000002", "council"),
    strand: "HOST_SUPPORT",
    title: "Host priorities: thresholds and the multi-agency referral pathway",
    themes: ["thresholds", "host priorities", "referrals"],
    leadAdviserId: "adv-2",
    agreedRatePence: null,
    estimateUnits: 100,
    requestedAt: "2010-04-01T09:00:00Z",
    requestedBy: authorityUser("E09000002"),
    startDate: "2010-04-01",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
    hostArrangementId: "host-2",
  },
  {
    id: "eng-0017",
    organisationId: orgId("E09000016", "council"),
    strand: "HOST_SUPPORT",
    title: "Co-host priorities: quality assurance of child protection conferences",
    themes: ["quality assurance", "host priorities", "conferences"],
    leadAdviserId: "adv-2",
    agreedRatePence: null,
    estimateUnits: 100,
    requestedAt: "2010-04-01T09:00:00Z",
    requestedBy: authorityUser("E09000016"),
    startDate: "2010-04-01",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 1,
    path: run,
    hostArrangementId: "host-3",
  },
  {
    id: "eng-0018",
    organisationId: orgId("E09000017", "council"),
    strand: "HOST_SUPPORT",
    title: "Host priorities: supervision and case audit for front-line teams",
    themes: ["supervision", "case audit", "host priorities"],
    leadAdviserId: "adv-3",
    agreedRatePence: null,
    estimateUnits: 200,
    requestedAt: "2010-04-01T09:00:00Z",
    requestedBy: authorityUser("E09000017"),
    startDate: "2010-04-01",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 2,
    path: run,
    hostArrangementId: "host-4",
  },
];

/** Demand for rapid response turned out low: five call-outs in twenty months. */
const rapidResponses: EngagementSpec[] = [
  ["E09000031", "adv-2", "2010-05-19T16:40:00Z", "2010-05-20T09:30:00Z", [2, 2, 2]],
  ["E09000004", "adv-2", "2010-09-13T11:15:00Z", "2010-09-14T08:45:00Z", [2, 2]],
  ["E09000015", "adv-3", "2010-12-06T18:05:00Z", "2010-12-08T10:00:00Z", [2, 2, 2, 2]],
  ["E09000029", "adv-1", "2011-06-27T10:20:00Z", "2011-06-27T15:00:00Z", [1, 2]],
  ["E09000024", "adv-1", "2011-10-03T09:10:00Z", "2011-10-04T09:00:00Z", [2, 2, 1]],
].map(([gss, adviser, requestedAt, onSiteAt, unitsByDay], i) => {
  const units = unitsByDay as number[];
  const onSite = (onSiteAt as string).slice(0, 10);
  return {
    id: `eng-${String(19 + i).padStart(4, "0")}`,
    organisationId: orgId(gss as string, "council"),
    strand: "RAPID_RESPONSE" as const,
    title: "Rapid response: interim safeguarding leadership after a senior vacancy",
    themes: ["rapid response", "leadership"],
    leadAdviserId: adviser as string,
    agreedRatePence: null,
    estimateUnits: units.reduce((a, b) => a + b, 0),
    requestedAt: requestedAt as string,
    requestedBy: authorityUser(gss as string),
    startDate: onSite,
    endDate: addDays(onSite, 14),
    paceUnitsPerWeek: 10,
    path: run,
    rapidResponse: { requestedAt: requestedAt as string, onSiteAt: onSiteAt as string, unitsByDay: units },
  };
});


/** Engagements that exercise the lifecycle's other branches. */
const otherPaths: EngagementSpec[] = [
  {
    id: "eng-0024",
    organisationId: orgId("E09000012", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Interim head of safeguarding for six months",
    themes: ["leadership", "interim cover"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 240,
    requestedAt: "2010-06-02T09:40:00Z",
    requestedBy: authorityUser("E09000012"),
    startDate: "2010-06-14",
    endDate: "2010-12-17",
    paceUnitsPerWeek: 10,
    path: { kind: "DECLINED", declineOn: "2010-06-04" },
    notes: "Declined: long interim cover is outside the service's offer; referred to interim agencies.",
  },
  {
    id: "eng-0025",
    organisationId: orgId("E09000019", "health"),
    strand: "PROJECT_SUPPORT",
    title: "Safeguarding supervision for health visitors",
    themes: ["health", "supervision"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 10,
    requestedAt: "2011-05-09T11:00:00Z",
    requestedBy: authorityUser("E09000019"),
    startDate: "2011-06-06",
    endDate: "2011-09-30",
    paceUnitsPerWeek: 2,
    path: { kind: "WAITLIST_THEN_WITHDRAW", earliestWeek: "2011-09-05", withdrawOn: "2011-06-20" },
  },
  {
    id: "eng-0026",
    organisationId: orgId("E09000013", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Redesign of the out-of-hours social work service",
    themes: ["service redesign", "out of hours"],
    leadAdviserId: "adv-1",
    agreedRatePence: 60000,
    estimateUnits: 16,
    requestedAt: "2010-09-27T10:30:00Z",
    requestedBy: authorityUser("E09000013"),
    startDate: "2010-10-11",
    endDate: "2011-03-25",
    paceUnitsPerWeek: 2,
    path: { kind: "RUN_THEN_CANCEL", cancelOn: "2010-12-03" },
    notes: "Cancelled by the borough after a restructure merged the service with a neighbour's.",
  },
  {
    id: "eng-0027",
    organisationId: orgId("E09000025", "lscb"),
    strand: "PROJECT_SUPPORT",
    title: "Serious case review action plan: testing the changes with practitioners",
    themes: ["serious case reviews", "action plan"],
    leadAdviserId: "adv-2",
    agreedRatePence: null,
    estimateUnits: 12,
    requestedAt: "2011-11-21T14:00:00Z",
    requestedBy: authorityUser("E09000025"),
    startDate: "2012-01-09",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 2,
    path: { kind: "REQUESTED" },
  },
  {
    id: "eng-0028",
    organisationId: orgId("E09000005", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Private fostering awareness and notification audit",
    themes: ["private fostering", "audit"],
    leadAdviserId: "adv-3",
    agreedRatePence: null,
    estimateUnits: 8,
    requestedAt: "2011-11-14T10:00:00Z",
    requestedBy: authorityUser("E09000005"),
    startDate: "2011-12-05",
    endDate: "2012-03-30",
    paceUnitsPerWeek: 2,
    path: { kind: "WAITLISTED", earliestWeek: "2012-01-16" },
  },
  {
    id: "eng-0029",
    organisationId: orgId("E09000032", "council"),
    strand: "PROJECT_SUPPORT",
    title: "Audit of child protection plans and core groups",
    themes: ["case audit", "child protection"],
    leadAdviserId: "adv-1",
    agreedRatePence: null,
    estimateUnits: 10,
    requestedAt: "2011-11-07T10:30:00Z",
    requestedBy: authorityUser("E09000032"),
    startDate: "2012-01-09",
    endDate: "2012-02-24",
    paceUnitsPerWeek: 2,
    path: run,
  },
];

const PROJECT_TITLES: readonly (readonly [string, readonly string[]])[] = [
  ["Thresholds and referral pathway review", ["thresholds", "referrals"]],
  ["Audit of child protection plans and core groups", ["case audit", "child protection"]],
  ["Supervision framework for front-line managers", ["supervision", "workforce"]],
  ["Scoping a multi-agency safeguarding hub", ["multi-agency working", "front door"]],
  ["Private fostering awareness and notification", ["private fostering"]],
  ["Review of arrangements for allegations against staff (LADO)", ["LADO", "allegations"]],
  ["Domestic violence and child protection pathway", ["domestic violence", "partnership working"]],
  ["Serious case review action plan follow-up", ["serious case reviews", "action plan"]],
  ["Child protection conference chairing and quality assurance", ["quality assurance", "conferences"]],
  ["Local safeguarding children board development day", ["LSCB development", "governance"]],
  ["Early intervention and the common assessment framework", ["early help", "CAF"]],
  ["Safeguarding in schools: designated teachers network", ["schools", "education"]],
];

/** Boroughs whose demand runs past the 10 free days in at least one year. */
const HEAVY_USERS = ["E09000025", "E09000005", "E09000010", "E09000030"];

/** Boroughs that ask for big projects: with the heavy users, the ones that pay for extra days. */
const BUSY = new Set([...HEAVY_USERS, "E09000012", "E09000014", "E09000022", "E09000009", "E09000019", "E09000018", "E09000015"]);

/** Boroughs whose demand the named engagements already carry; no synthetic work is added. */
const SKIP = new Set(["E09000028", "E09000023", "E09000008"]);

function syntheticProjectSupport(prng: Prng, firstNumber: number): EngagementSpec[] {
  const specs: EngagementSpec[] = [];
  let n = firstNumber;
  const leadBySubregion: Record<string, string> = {
    Central: "adv-1",
    South: "adv-1",
    East: "adv-2",
    // North London goes to the adviser with fewer hosted boroughs, so demand and capacity match.
    North: "adv-1",
    West: "adv-3",
  };
  for (const authority of londonAuthorities) {
    if (SKIP.has(authority.gssCode)) continue;
    const heavy = HEAVY_USERS.includes(authority.gssCode);
    const count = heavy ? 3 : authority.gssCode === "E09000001" ? 1 : prng.int(1, 2);
    for (let k = 0; k < count; k += 1) {
      const [title, themes] = prng.pick(PROJECT_TITLES);
      const partner = prng.pick(["council", "council", "council", "lscb", "police", "health"] as const);
      // Requests arrive from April 2010 to October 2011, each planned over 10 to 24 weeks.
      const startWeek = prng.int(2, 80);
      const startDate = addWeeks("2010-04-05", startWeek);
      const durationWeeks = prng.int(10, 24);
      const estimateDays = BUSY.has(authority.gssCode) ? prng.int(16, 26) : prng.int(4, 9);
      const requestedAt = `${addWeeks(startDate, -2)}T${String(9 + prng.int(0, 7)).padStart(2, "0")}:${String(prng.int(0, 59)).padStart(2, "0")}:00Z`;
      specs.push({
        id: `eng-${String(n).padStart(4, "0")}`,
        organisationId: orgId(authority.gssCode, heavy && k === 0 ? "council" : partner),
        strand: "PROJECT_SUPPORT",
        title,
        themes,
        leadAdviserId: leadBySubregion[authority.subregion] ?? "adv-1",
        agreedRatePence: prng.next() < 0.5 ? 60000 : null,
        estimateUnits: estimateDays * 2,
        requestedAt,
        requestedBy: authorityUser(authority.gssCode),
        startDate,
        endDate: addDays(addWeeks(startDate, durationWeeks), 4),
        paceUnitsPerWeek: prng.int(4, 6),
        path: run,
      });
      n += 1;
    }
  }
  return specs;
}


export function buildEngagementSpecs(prng: Prng): EngagementSpec[] {
  return [...namedEngagements, ...rapidResponses, ...otherPaths, ...syntheticProjectSupport(prng, 30)];
}
