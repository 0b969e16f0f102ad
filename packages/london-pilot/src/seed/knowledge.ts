import { daysToClose, publicationYear } from "@adviser-hub/domain";
import { LSCB_ID, NHS_LONDON_ID, orgId } from "./organisations.js";

// The knowledge hub of the pilot, drawn from its work as Community Care described it in
// January 2011: the SCIE case review methodology pilot, the family assessment approach to
// parental mental health in Kensington and Chelsea, good practice for disabled children, the
// response to the NHS White Paper, court delays, and the London board's briefings for elected
// members and development days for local boards. Fixed ids, dates and facts: the seed is
// deterministic. Themes are codes engagements already use, so the vocabulary (migration
// 0014, filled from engagements' themes) holds them. No text is child-level personal data.

const LEWISHAM = "E09000023";
const KENSINGTON = "E09000020";

export interface SeedLearningItem {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly kind: "GOOD_PRACTICE" | "CASE_REVIEW_LEARNING" | "THEMATIC_BRIEFING" | "INSPECTION_LEARNING" | "GUIDANCE";
  readonly audience: "REGION_STAFF" | "REGION_AUTHORITIES" | "PUBLIC";
  /** Null for a draft. */
  readonly publishedOn: string | null;
  readonly themes: readonly string[];
  readonly engagementIds: readonly string[];
  readonly authorityIds: readonly string[];
}

export const seedLearningItems: readonly SeedLearningItem[] = [
  {
    id: "li-0001",
    title: "Piloting the SCIE systems methodology for case reviews in London",
    summary:
      "What local boards learned from using the Social Care Institute for Excellence systems approach to case reviews: looking at why practice made sense at the time, involving practitioners, and finding the factors common to all boroughs.",
    kind: "CASE_REVIEW_LEARNING",
    audience: "REGION_AUTHORITIES",
    publishedOn: "2011-07-28",
    themes: ["serious case reviews", "SCIE", "learning"],
    engagementIds: ["eng-0005"],
    authorityIds: [LEWISHAM],
  },
  {
    id: "li-0002",
    title: "A family assessment approach to parental mental health",
    summary:
      "Kensington and Chelsea's children's services, adult social care and health partners assessing the whole family when a parent has mental health problems, using the SCIE Think Family model.",
    kind: "GOOD_PRACTICE",
    audience: "REGION_AUTHORITIES",
    publishedOn: "2011-03-15",
    themes: ["think family", "parental mental health"],
    engagementIds: ["eng-0003"],
    authorityIds: [KENSINGTON],
  },
  {
    id: "li-0003",
    title: "Good practice in safeguarding arrangements for disabled children",
    summary:
      "Arrangements boroughs found effective for safeguarding disabled children: joint working between disability and child protection teams, communication needs in assessments, and board oversight.",
    kind: "GUIDANCE",
    audience: "PUBLIC",
    publishedOn: "2011-06-20",
    themes: ["disabled children", "good practice"],
    engagementIds: ["eng-0008"],
    authorityIds: [],
  },
  {
    id: "li-0004",
    title: "A safeguarding children response to the NHS White Paper",
    summary:
      "Designated doctors and nurses from across London on keeping safeguarding children strong through the changes proposed in the NHS White Paper, including GP commissioning.",
    kind: "THEMATIC_BRIEFING",
    audience: "PUBLIC",
    publishedOn: "2010-10-05",
    themes: ["NHS reform", "health"],
    engagementIds: ["eng-0006"],
    authorityIds: [],
  },
  {
    id: "li-0005",
    title: "Reducing delay in care proceedings: working with the police and the family court",
    summary: "Early findings on what shortens care proceedings: police disclosure timetables agreed with the court and earlier legal planning meetings.",
    kind: "GOOD_PRACTICE",
    audience: "REGION_AUTHORITIES",
    publishedOn: null,
    themes: ["court delays", "care proceedings"],
    engagementIds: ["eng-0001"],
    authorityIds: [],
  },
  {
    id: "li-0006",
    title: "Learning from an unannounced inspection of contact and referral",
    summary: "Common findings at the front door after an unannounced inspection, and the improvement plan that answered them: for the advisers' own use.",
    kind: "INSPECTION_LEARNING",
    audience: "REGION_STAFF",
    publishedOn: "2011-05-10",
    themes: ["inspection", "front door"],
    engagementIds: ["eng-0009"],
    authorityIds: [],
  },
];

export const seedCaseReview = {
  id: "cr-0001",
  title: "Local case review using the SCIE systems methodology (London pilot)",
  scope: "LOCAL" as const,
  boardOrganisationId: orgId(LEWISHAM, "lscb"),
  publishedOn: "2011-07-14",
  learningItemId: "li-0001",
  engagementIds: ["eng-0005", "eng-0014"],
};

export interface SeedRecommendation {
  readonly position: number;
  readonly text: string;
  readonly ownerOrganisationId: string;
  readonly dueOn: string;
  readonly status: "OPEN" | "IN_PROGRESS" | "EVIDENCED" | "CLOSED";
  readonly evidence: string | null;
  readonly closedOn: string | null;
}

export const seedRecommendations: readonly SeedRecommendation[] = [
  {
    position: 1,
    text: "Embed multi-agency supervision of cases where a parent's mental health is a factor.",
    ownerOrganisationId: orgId(LEWISHAM, "council"),
    dueOn: "2011-10-31",
    status: "CLOSED",
    evidence: "Supervision policy revised and audited on 20 cases; reported to the board.",
    closedOn: "2011-10-20",
  },
  {
    position: 2,
    text: "Agree a protocol for sharing information between adult mental health services and children's social care.",
    ownerOrganisationId: orgId(LEWISHAM, "health"),
    dueOn: "2011-09-30",
    status: "IN_PROGRESS",
    evidence: null,
    closedOn: null,
  },
  {
    position: 3,
    text: "Brief GP practices on referral thresholds and on the commissioning changes.",
    ownerOrganisationId: NHS_LONDON_ID,
    dueOn: "2012-01-31",
    status: "OPEN",
    evidence: null,
    closedOn: null,
  },
  {
    position: 4,
    text: "Report to the board on how it monitors each agency's contribution to safeguarding.",
    ownerOrganisationId: orgId(LEWISHAM, "lscb"),
    dueOn: "2011-11-15",
    status: "EVIDENCED",
    evidence: "Monitoring report presented to the board in November 2011.",
    closedOn: null,
  },
  {
    position: 5,
    text: "Share the review's learning with every London board through the regional network.",
    ownerOrganisationId: LSCB_ID,
    dueOn: "2011-11-01",
    status: "OPEN",
    evidence: null,
    closedOn: null,
  },
];

export interface SeedEvent {
  readonly id: string;
  readonly kind: "MEMBER_BRIEFING" | "LEGAL_TRAINING" | "DEVELOPMENT_DAY" | "NETWORK_MEETING";
  readonly title: string;
  readonly heldOn: string;
  readonly themes: readonly string[];
  readonly learningItemIds: readonly string[];
  /** Invited organisations and whether each attended. */
  readonly invitations: readonly (readonly [string, boolean])[];
}

const councils = (codes: readonly string[], attended: readonly string[]) =>
  codes.map((code) => [orgId(code, "council"), attended.includes(code)] as const);
const boards = (codes: readonly string[], attended: readonly string[]) => codes.map((code) => [orgId(code, "lscb"), attended.includes(code)] as const);

export const seedEvents: readonly SeedEvent[] = [
  {
    id: "ev-0001",
    kind: "MEMBER_BRIEFING",
    title: "Safeguarding briefing for elected members",
    heldOn: "2011-03-24",
    themes: ["elected members", "governance"],
    learningItemIds: ["li-0002", "li-0004"],
    invitations: councils(["E09000020", "E09000028", "E09000023", "E09000002", "E09000017", "E09000008"], ["E09000020", "E09000028", "E09000002", "E09000017"]),
  },
  {
    id: "ev-0002",
    kind: "DEVELOPMENT_DAY",
    title: "Development day for local boards: learning from case reviews",
    heldOn: "2011-09-22",
    themes: ["serious case reviews", "learning"],
    learningItemIds: ["li-0001", "li-0003"],
    invitations: boards(
      ["E09000023", "E09000028", "E09000020", "E09000012", "E09000030", "E09000022", "E09000005", "E09000009"],
      ["E09000023", "E09000028", "E09000012", "E09000030", "E09000005"],
    ),
  },
];

const CREATED_AT = "2011-11-30T17:00:00Z";

/** The rows of each knowledge table, as the seed writes them. */
export function knowledgeRows(region: string) {
  const key = { region_code: region };
  const review = seedCaseReview;
  return {
    learning_items: seedLearningItems.map((item) => ({
      ...key,
      id: item.id,
      title: item.title,
      summary: item.summary,
      kind: item.kind,
      state: item.publishedOn === null ? "DRAFT" : "PUBLISHED",
      audience: item.audience,
      published_on: item.publishedOn,
      published_year: item.publishedOn === null ? null : publicationYear(item.publishedOn),
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    })),
    learning_item_themes: seedLearningItems.flatMap((item) => item.themes.map((theme_code) => ({ ...key, learning_item_id: item.id, theme_code }))),
    learning_item_engagements: seedLearningItems.flatMap((item) =>
      item.engagementIds.map((engagement_id) => ({ ...key, learning_item_id: item.id, engagement_id })),
    ),
    learning_item_authorities: seedLearningItems.flatMap((item) =>
      item.authorityIds.map((authority_id) => ({ ...key, learning_item_id: item.id, authority_id })),
    ),
    case_reviews: [
      {
        ...key,
        id: review.id,
        title: review.title,
        scope: review.scope,
        board_organisation_id: review.boardOrganisationId,
        published_on: review.publishedOn,
        learning_item_id: review.learningItemId,
        created_at: CREATED_AT,
      },
    ],
    case_review_engagements: review.engagementIds.map((engagement_id) => ({ ...key, case_review_id: review.id, engagement_id })),
    recommendations: seedRecommendations.map((r) => ({
      ...key,
      id: `${review.id}.${r.position}`,
      case_review_id: review.id,
      position: r.position,
      text: r.text,
      owner_organisation_id: r.ownerOrganisationId,
      agreed_on: review.publishedOn,
      due_on: r.dueOn,
      status: r.status,
      evidence: r.evidence,
      closed_on: r.closedOn,
      // Decided by the domain, as progressRecommendation stores it.
      days_to_close: r.closedOn === null ? null : daysToClose(review.publishedOn, r.closedOn),
      updated_at: CREATED_AT,
    })),
    knowledge_events: seedEvents.map((e) => ({ ...key, id: e.id, kind: e.kind, title: e.title, held_on: e.heldOn, created_at: CREATED_AT })),
    knowledge_event_themes: seedEvents.flatMap((e) => e.themes.map((theme_code) => ({ ...key, event_id: e.id, theme_code }))),
    knowledge_event_learning_items: seedEvents.flatMap((e) => e.learningItemIds.map((learning_item_id) => ({ ...key, event_id: e.id, learning_item_id }))),
    knowledge_event_invitations: seedEvents.flatMap((e) =>
      e.invitations.map(([organisation_id, attended]) => ({ ...key, event_id: e.id, organisation_id, attended })),
    ),
  } as const;
}
