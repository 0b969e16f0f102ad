// The three funders and their contributions. The programme cost 360,000.00 in 2010-11; the
// split between funders is not public, so it is invented, but each year sums exactly to the
// programme cost (36,000,000 pence).

export interface SeedFunder {
  readonly id: string;
  readonly name: string;
}

export interface SeedContribution {
  readonly funderId: string;
  readonly financialYear: number;
  readonly amountPence: number;
}

export const PROGRAMME_COST_PENCE = 36_000_000;

export const seedFunders: readonly SeedFunder[] = [
  { id: "fnd-london-councils", name: "London Councils" },
  { id: "fnd-capital-ambition", name: "Capital Ambition" },
  { id: "fnd-dfe", name: "Department for Education" },
];

export const seedContributions: readonly SeedContribution[] = [
  { funderId: "fnd-london-councils", financialYear: 2010, amountPence: 15_000_000 },
  { funderId: "fnd-capital-ambition", financialYear: 2010, amountPence: 12_000_000 },
  { funderId: "fnd-dfe", financialYear: 2010, amountPence: 9_000_000 },
  { funderId: "fnd-london-councils", financialYear: 2011, amountPence: 16_000_000 },
  { funderId: "fnd-capital-ambition", financialYear: 2011, amountPence: 10_000_000 },
  { funderId: "fnd-dfe", financialYear: 2011, amountPence: 10_000_000 },
];
