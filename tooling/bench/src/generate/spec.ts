// The sizes of the generated data sets. Everything but the number of deliveries is the same at
// every size, so growth measurements vary one thing: the volume of recorded work.

export interface DatasetSpec {
  /** Names the database: ah_bench_<name>. */
  readonly name: string;
  readonly seed: string;
  /** Deliveries over all regions and years (approximate: engagements end on whole deliveries). */
  readonly deliveries: number;
  readonly firstYear: number;
  readonly years: number;
  /** "Today" in the data: work before it is delivered, work from it on is booked ahead. */
  readonly today: string;
}

export interface RegionSpec {
  readonly code: string;
  readonly name: string;
  readonly authorities: number;
  readonly advisers: number;
}

/** Nine English regions, 150 authorities, 40 advisers. London's authorities are the real 33. */
export const REGIONS: readonly RegionSpec[] = [
  { code: "london", name: "London", authorities: 33, advisers: 8 },
  { code: "north-east", name: "North East", authorities: 12, advisers: 4 },
  { code: "north-west", name: "North West", authorities: 23, advisers: 4 },
  { code: "yorkshire", name: "Yorkshire and the Humber", authorities: 15, advisers: 4 },
  { code: "east-midlands", name: "East Midlands", authorities: 9, advisers: 4 },
  { code: "west-midlands", name: "West Midlands", authorities: 14, advisers: 4 },
  { code: "east", name: "East of England", authorities: 10, advisers: 4 },
  { code: "south-east", name: "South East", authorities: 19, advisers: 4 },
  { code: "south-west", name: "South West", authorities: 15, advisers: 4 },
];

export const TOTAL_AUTHORITIES = REGIONS.reduce((sum, region) => sum + region.authorities, 0);

const base = { seed: "adviser-hub-national", firstYear: 2010, years: 10, today: "2020-01-06" } as const;

export const NATIONAL: DatasetSpec = { ...base, name: "national", deliveries: 100_000 };
export const STRESS: DatasetSpec = { ...base, name: "stress", deliveries: 1_000_000 };

/** The same national shape at another volume, for the growth suite. */
export const sizedSpec = (deliveries: number): DatasetSpec =>
  deliveries === NATIONAL.deliveries
    ? NATIONAL
    : deliveries === STRESS.deliveries
      ? STRESS
      : { ...base, name: `d${deliveries}`, deliveries };
