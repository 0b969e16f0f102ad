// The shipped England and Wales bank holidays are generated from the GOV.UK-layout JSON kept
// beside the package (data/): this check renders the module from the JSON with the domain's own
// parser and fails when the committed module differs. To regenerate after the JSON changes:
//   WRITE_BANK_HOLIDAYS=1 pnpm vitest run --project domain checks/bank-holidays-data.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../src/calendar/england-and-wales-bank-holidays.js";
import { parseGovUkBankHolidays } from "../src/calendar/gov-uk-bank-holidays.js";

const jsonPath = resolve(import.meta.dirname, "../data/bank-holidays-england-and-wales-2010-2030.json");
const modulePath = resolve(import.meta.dirname, "../src/calendar/england-and-wales-bank-holidays.ts");

function render(): string {
  const parsed = parseGovUkBankHolidays(JSON.parse(readFileSync(jsonPath, "utf8")), "england-and-wales");
  if (!parsed.ok) throw new Error(`the shipped JSON is refused: ${parsed.error.field} ${parsed.error.message}`);
  const lines = parsed.value.map((h) => `  { date: ${JSON.stringify(h.date)}, name: ${JSON.stringify(h.name)} },`);
  return `// Generated from packages/domain/data/bank-holidays-england-and-wales-2010-2030.json (the GOV.UK
// bank-holidays layout) by checks/bank-holidays-data.test.ts, which fails when this file and the
// JSON differ. Do not edit by hand.
import type { BankHoliday } from "../policy/region-policy.js";

/**
 * England and Wales bank holidays 2010 to 2030 as published in the GOV.UK layout, one-off days
 * included (2011 royal wedding, 2012 and 2022 jubilees, 2020 VE day, 2022 state funeral, 2023
 * coronation), in date order. Years ahead follow the usual rules and may change by proclamation.
 */
export const englandAndWalesBankHolidays: readonly BankHoliday[] = [
${lines.join("\n")}
];
`;
}

describe("the shipped England and Wales bank holidays", () => {
  it("are the domain's reading of the GOV.UK JSON, entry for entry", () => {
    const text = render();
    if (process.env.WRITE_BANK_HOLIDAYS === "1") writeFileSync(modulePath, text);
    expect(readFileSync(modulePath, "utf8")).toBe(text);
    const parsed = parseGovUkBankHolidays(JSON.parse(readFileSync(jsonPath, "utf8")), "england-and-wales");
    expect(parsed.ok && parsed.value).toEqual(englandAndWalesBankHolidays);
  });
});
