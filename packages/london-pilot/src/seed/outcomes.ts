// Outcome indicators the funders asked to see evidenced (source article: "the work to reduce
// court delays and number of children going into care should provide evidence in the longer
// term"). Care proceedings averaged about 56 weeks in early 2011. Measurements are synthetic.

export interface SeedOutcome {
  readonly id: string;
  readonly engagementId: string;
  readonly indicator: string;
  readonly unit: string;
  readonly goodDirection: "LOWER" | "HIGHER";
  readonly baselineValue: number;
  readonly baselineOn: string;
  readonly targetValue: number | null;
  readonly measurements: readonly { readonly measuredOn: string; readonly value: number; readonly note: string | null }[];
}

export const seedOutcomes: readonly SeedOutcome[] = [
  {
    id: "out-0001",
    engagementId: "eng-0001",
    indicator: "Average weeks of care proceedings",
    unit: "weeks",
    goodDirection: "LOWER",
    baselineValue: 56,
    baselineOn: "2011-01-31",
    targetValue: 45,
    measurements: [
      { measuredOn: "2011-04-30", value: 55, note: "court liaison protocol agreed with the police" },
      { measuredOn: "2011-07-31", value: 52, note: null },
      { measuredOn: "2011-10-31", value: 49, note: "synthetic figure" },
    ],
  },
  {
    id: "out-0002",
    engagementId: "eng-0002",
    indicator: "Children entering care per quarter",
    unit: "children",
    goodDirection: "LOWER",
    baselineValue: 48,
    baselineOn: "2011-03-31",
    targetValue: 40,
    measurements: [
      { measuredOn: "2011-06-30", value: 46, note: null },
      { measuredOn: "2011-09-30", value: 43, note: "edge-of-care panel running" },
    ],
  },
  {
    id: "out-0003",
    engagementId: "eng-0009",
    indicator: "Initial assessments completed within 7 working days",
    unit: "percent",
    goodDirection: "HIGHER",
    baselineValue: 58,
    baselineOn: "2011-01-31",
    targetValue: 75,
    measurements: [
      { measuredOn: "2011-04-30", value: 64, note: null },
      { measuredOn: "2011-07-31", value: 71, note: null },
    ],
  },
  {
    id: "out-0004",
    engagementId: "eng-0004",
    indicator: "Child protection plans lasting two years or more",
    unit: "plans",
    goodDirection: "LOWER",
    baselineValue: 14,
    baselineOn: "2010-07-31",
    targetValue: 8,
    measurements: [
      { measuredOn: "2011-01-31", value: 15, note: "review under way" },
      { measuredOn: "2011-07-31", value: 15, note: null },
    ],
  },
  {
    id: "out-0005",
    engagementId: "eng-0014",
    indicator: "Partner agencies attending child protection conferences",
    unit: "percent",
    goodDirection: "HIGHER",
    baselineValue: 62,
    baselineOn: "2011-03-31",
    targetValue: 80,
    measurements: [{ measuredOn: "2011-09-30", value: 59, note: "health attendance fell over the summer" }],
  },
];
