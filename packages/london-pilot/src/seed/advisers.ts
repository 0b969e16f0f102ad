// The three pilot advisers. Names are invented and neutral on purpose: the people in the
// source article are not the people in this data.

export interface SeedAdviser {
  readonly id: string;
  readonly name: string;
  readonly fteBp: number;
  readonly employedFrom: string;
  readonly employedTo: string;
}

export interface SeedLeave {
  readonly id: string;
  readonly adviserId: string;
  /** First and last day of leave, inclusive; weekdays in between are leave days. */
  readonly startDate: string;
  readonly endDate: string;
}

export interface SeedHostArrangement {
  readonly id: string;
  readonly adviserId: string;
  readonly authorityCode: string;
  readonly startDate: string;
  readonly endDate: string;
  /** Share of the adviser's salary this host funds, basis points. */
  readonly salaryShareBp: number;
  /** Regular local-priority work owed to the host each week, in policy units (half days). */
  readonly commitmentUnitsPerWeek: number;
}

export const PILOT_START = "2010-04-01";
export const PILOT_END = "2012-03-31";

export const seedAdvisers: readonly SeedAdviser[] = [
  { id: "adv-1", name: "Alex Morgan", fteBp: 10000, employedFrom: PILOT_START, employedTo: PILOT_END },
  { id: "adv-2", name: "Sam Okafor", fteBp: 10000, employedFrom: PILOT_START, employedTo: PILOT_END },
  { id: "adv-3", name: "Jo Whitfield", fteBp: 8000, employedFrom: PILOT_START, employedTo: PILOT_END },
];

export const KENSINGTON_AND_CHELSEA = "E09000020";
export const BARKING_AND_DAGENHAM = "E09000002";
export const HAVERING = "E09000016";
export const HILLINGDON = "E09000017";

export const seedHostArrangements: readonly SeedHostArrangement[] = [
  {
    id: "host-1",
    adviserId: "adv-1",
    authorityCode: KENSINGTON_AND_CHELSEA,
    startDate: PILOT_START,
    endDate: PILOT_END,
    salaryShareBp: 3000,
    commitmentUnitsPerWeek: 2,
  },
  // The co-hosted adviser: Barking and Dagenham and its neighbour Havering split the host share
  // and the weekly local-priority commitment.
  {
    id: "host-2",
    adviserId: "adv-2",
    authorityCode: BARKING_AND_DAGENHAM,
    startDate: PILOT_START,
    endDate: PILOT_END,
    salaryShareBp: 2000,
    commitmentUnitsPerWeek: 1,
  },
  {
    id: "host-3",
    adviserId: "adv-2",
    authorityCode: HAVERING,
    startDate: PILOT_START,
    endDate: PILOT_END,
    salaryShareBp: 1500,
    commitmentUnitsPerWeek: 1,
  },
  {
    id: "host-4",
    adviserId: "adv-3",
    authorityCode: HILLINGDON,
    startDate: PILOT_START,
    endDate: PILOT_END,
    salaryShareBp: 2500,
    commitmentUnitsPerWeek: 2,
  },
];

const leave = (n: number, adviserId: string, startDate: string, endDate: string): SeedLeave => ({
  id: `leave-${adviserId}-${n}`,
  adviserId,
  startDate,
  endDate,
});

export const seedLeave: readonly SeedLeave[] = [
  leave(1, "adv-1", "2010-08-09", "2010-08-20"),
  leave(2, "adv-1", "2010-12-29", "2010-12-31"),
  leave(3, "adv-1", "2011-04-26", "2011-04-28"),
  leave(4, "adv-1", "2011-08-15", "2011-08-26"),
  leave(1, "adv-2", "2010-07-26", "2010-08-06"),
  leave(2, "adv-2", "2010-10-25", "2010-10-29"),
  leave(3, "adv-2", "2011-07-25", "2011-08-05"),
  leave(4, "adv-2", "2011-10-24", "2011-10-28"),
  leave(1, "adv-3", "2010-08-23", "2010-09-03"),
  leave(2, "adv-3", "2011-02-14", "2011-02-18"),
  leave(3, "adv-3", "2011-08-01", "2011-08-12"),
];
