import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "../calendar/plain-date.js";
import { isWorkingDay } from "../calendar/working-days.js";
import { shareFromBasisPoints } from "../quantities/exact-decimal.js";
import { workedExamplePolicy as policy } from "../test-support/index.js";
import { validateFunderContributionInput, validateFunderInput } from "./funding.js";
import {
  checkOrganisationMove,
  checkOrganisationOpen,
  validateAuthorityInput,
  validateOrganisationInput,
  validateOrganisationRateInput,
  validateStatisticalNeighboursInput,
} from "./places.js";
import {
  checkEmploymentKeepsWork,
  checkHostArrangement,
  checkLeaveWithinEmployment,
  validateAdviserInput,
  validateAdviserLeaveInput,
  validateHostArrangementInput,
} from "./staffing.js";

const fieldsOf = (r: { ok: boolean; error?: { issues: readonly { field: string }[] } }) =>
  r.ok ? [] : (r.error?.issues.map((i) => i.field) ?? []);

const adviser = { id: "adv-4", name: "Robin Hale", fte: "0.8", employedFrom: "2026-04-01", employedTo: null };

describe("adviser input", () => {
  it("reads an FTE as exact basis points and names each bad field under the path", () => {
    const ok = validateAdviserInput(adviser);
    expect(ok.ok && ok.value).toEqual({ id: "adv-4", name: "Robin Hale", fteBp: 8000, employedFrom: "2026-04-01", employedTo: null });
    expect(fieldsOf(validateAdviserInput({ ...adviser, fte: "0" }))).toEqual(["input.fte"]);
    expect(fieldsOf(validateAdviserInput({ ...adviser, fte: "1.5" }))).toEqual(["input.fte"]);
    expect(fieldsOf(validateAdviserInput({ ...adviser, fte: "0.12345" }))).toEqual(["input.fte"]);
    expect(fieldsOf(validateAdviserInput({ ...adviser, employedTo: "2026-03-31" }))).toEqual(["input.employedTo"]);
    expect(fieldsOf(validateAdviserInput({ id: "", name: " ", fte: null, employedFrom: "1/4/2026" }, "rows[3]"))).toEqual([
      "rows[3].id",
      "rows[3].name",
      "rows[3].fte",
      "rows[3].employedFrom",
    ]);
  });

  it("takes every FTE above 0 and at most 1 to four places, exactly, and refuses the rest", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), (bp) => {
        const text = bp < 0 ? `-${shareFromBasisPoints(-bp)}` : shareFromBasisPoints(bp);
        const r = validateAdviserInput({ ...adviser, fte: text });
        expect(r.ok).toBe(bp >= 1 && bp <= 10_000);
        if (r.ok) expect(r.value.fteBp).toBe(bp);
      }),
    );
  });

  it("keeps recorded work inside a changed employment period", () => {
    const valid = validateAdviserInput({ ...adviser, employedTo: "2026-12-31" });
    if (!valid.ok) throw new Error("valid");
    expect(checkEmploymentKeepsWork(valid.value, null).ok).toBe(true);
    expect(checkEmploymentKeepsWork(valid.value, { firstOn: "2026-05-01", lastOn: "2026-12-31" }).ok).toBe(true);
    expect(fieldsOf(checkEmploymentKeepsWork(valid.value, { firstOn: "2026-03-01", lastOn: "2026-05-01" }))).toEqual(["input.employedFrom"]);
    expect(fieldsOf(checkEmploymentKeepsWork(valid.value, { firstOn: "2026-05-01", lastOn: "2027-01-04" }))).toEqual(["input.employedTo"]);
  });
});

describe("adviser leave input", () => {
  it("records one row per working day of the range, never a weekend or bank holiday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 40 }), (offset, length) => {
        const startDate = addDays("2010-04-01", offset);
        const endDate = addDays(startDate, length);
        const r = validateAdviserLeaveInput(policy, { adviserId: "adv-1", startDate, endDate, days: "1" });
        if (!r.ok) throw new Error(r.error.message);
        let expected = 0;
        for (let d = startDate; d <= endDate; d = addDays(d, 1)) if (isWorkingDay(policy, d)) expected += 1;
        expect(r.value.dates).toHaveLength(expected);
        expect(r.value.dates.every((d) => d >= startDate && d <= endDate && isoWeekday(d) <= 5 && isWorkingDay(policy, d))).toBe(true);
      }),
    );
  });

  it("refuses more than a day a day, days off the granularity, an end before the start and leave outside employment", () => {
    const base = { adviserId: "adv-1", startDate: "2026-08-03", endDate: "2026-08-07", days: "0.5" };
    expect(validateAdviserLeaveInput(policy, base).ok).toBe(true);
    expect(fieldsOf(validateAdviserLeaveInput(policy, { ...base, days: "1.5" }))).toEqual(["input.days"]);
    expect(fieldsOf(validateAdviserLeaveInput(policy, { ...base, days: "0.3" }))).toEqual(["input.days"]);
    expect(fieldsOf(validateAdviserLeaveInput(policy, { ...base, endDate: "2026-08-01" }))).toEqual(["input.endDate"]);
    expect(fieldsOf(validateAdviserLeaveInput(policy, { ...base, endDate: "2027-12-01" }))).toEqual(["input.endDate"]);
    const leave = validateAdviserLeaveInput(policy, base);
    if (!leave.ok) throw new Error("valid");
    const employed = { employmentStart: "2026-04-01", employmentEnd: "2026-08-05" };
    expect(fieldsOf(checkLeaveWithinEmployment(employed, leave.value))).toEqual(["input.endDate"]);
    expect(fieldsOf(checkLeaveWithinEmployment({ employmentStart: "2026-09-01", employmentEnd: null }, leave.value))).toEqual(["input.startDate"]);
    // Clearing leave needs no employment.
    const cleared = validateAdviserLeaveInput(policy, { ...base, days: 0 });
    expect(cleared.ok && checkLeaveWithinEmployment({ employmentStart: "2027-01-01", employmentEnd: null }, cleared.value).ok).toBe(true);
  });
});

describe("host arrangement input", () => {
  const input = { id: "host-9", adviserId: "adv-4", authorityId: "E09000028", startDate: "2026-04-01", salaryShare: "0.5", commitmentDaysPerWeek: "1" };
  const employed = { employmentStart: "2026-04-01", employmentEnd: null };
  const other = (bp: number, startDate = "2026-04-01", endDate: string | null = null) => ({
    regionCode: "london",
    id: "host-other",
    adviserId: "adv-4",
    authorityId: "E09000001",
    startDate,
    endDate,
    salaryShareBp: bp,
    commitmentUnitsPerWeek: 0,
  });

  it("refuses a share outside (0, 1], a commitment beyond a working week and a period outside employment", () => {
    expect(validateHostArrangementInput(policy, input).ok).toBe(true);
    expect(fieldsOf(validateHostArrangementInput(policy, { ...input, salaryShare: "1.01" }))).toEqual(["input.salaryShare"]);
    expect(fieldsOf(validateHostArrangementInput(policy, { ...input, salaryShare: 0 }))).toEqual(["input.salaryShare"]);
    expect(fieldsOf(validateHostArrangementInput(policy, { ...input, commitmentDaysPerWeek: "5.5" }))).toEqual(["input.commitmentDaysPerWeek"]);
    const valid = validateHostArrangementInput(policy, input);
    if (!valid.ok) throw new Error("valid");
    expect(fieldsOf(checkHostArrangement(valid.value, { employmentStart: "2026-05-01", employmentEnd: null }, []))).toEqual(["input.startDate"]);
    expect(fieldsOf(checkHostArrangement(valid.value, { employmentStart: "2026-04-01", employmentEnd: "2027-03-31" }, []))).toEqual(["input.endDate"]);
  });

  it("accepts concurrent shares exactly when they sum to at most 1, naming input.salaryShare", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (mine, theirs, overlapping) => {
        const valid = validateHostArrangementInput(policy, { ...input, salaryShare: shareFromBasisPoints(mine) });
        if (!valid.ok) throw new Error(valid.error.message);
        const existing = overlapping ? other(theirs) : other(theirs, "2025-04-01", "2026-03-31");
        const r = checkHostArrangement(valid.value, employed, [existing]);
        expect(r.ok).toBe(!overlapping || mine + theirs <= 10_000);
        if (!r.ok) expect(r.error.field).toBe("input.salaryShare");
      }),
    );
  });

  it("replaces its own stored version rather than adding to it", () => {
    const valid = validateHostArrangementInput(policy, { ...input, salaryShare: "0.8" });
    if (!valid.ok) throw new Error("valid");
    expect(checkHostArrangement(valid.value, employed, [{ ...other(5_000), id: "host-9" }]).ok).toBe(true);
  });
});

describe("places and funding inputs", () => {
  it("reads an authority's GSS code, name and child population by year", () => {
    const r = validateAuthorityInput({ gssCode: "E09000034", name: " New Borough ", childPopulation: [{ year: 2026, population: 61_000 }] });
    expect(r.ok && r.value).toEqual({ gssCode: "E09000034", name: "New Borough", childPopulation: [{ year: 2026, population: 61_000 }] });
    expect(fieldsOf(validateAuthorityInput({ gssCode: "E9000034", name: "X" }))).toEqual(["input.gssCode"]);
    expect(
      fieldsOf(validateAuthorityInput({ gssCode: "E09000034", name: "X", childPopulation: [{ year: 2026, population: 0 }, { year: 2026, population: 5 }] })),
    ).toEqual(["input.childPopulation[0].population", "input.childPopulation[1].year"]);
  });

  it("reads organisations, refusing an unknown kind and a move of one with deliveries", () => {
    const input = { id: "org-E09000028-school", name: "A school", kind: "SCHOOL", homeAuthorityId: "E09000028" };
    const r = validateOrganisationInput(input);
    if (!r.ok) throw new Error("valid");
    expect(validateOrganisationInput({ ...input, homeAuthorityId: null }).ok).toBe(true);
    expect(fieldsOf(validateOrganisationInput({ ...input, kind: "PUB" }))).toEqual(["input.kind"]);
    expect(checkOrganisationMove({ homeAuthorityId: "E09000001" }, r.value, null).ok).toBe(true);
    expect(checkOrganisationMove({ homeAuthorityId: "E09000028" }, r.value, "2011-01-04").ok).toBe(true);
    expect(fieldsOf(checkOrganisationMove({ homeAuthorityId: "E09000001" }, r.value, "2011-01-04"))).toEqual(["input.homeAuthorityId"]);
    const closed = validateOrganisationInput({ ...input, closedOn: "2011-03-31" });
    if (!closed.ok) throw new Error("valid");
    expect(checkOrganisationMove({ homeAuthorityId: "E09000028" }, closed.value, "2011-03-31").ok).toBe(true);
    expect(fieldsOf(checkOrganisationMove({ homeAuthorityId: "E09000028" }, closed.value, "2011-04-01"))).toEqual(["input.closedOn"]);
    expect(checkOrganisationOpen(closed.value, "2011-03-31").ok).toBe(true);
    expect(fieldsOf(checkOrganisationOpen(closed.value, "2011-04-01"))).toEqual(["organisationId"]);
    expect(checkOrganisationOpen({ closedOn: null }, "2031-04-01").ok).toBe(true);
  });

  it("reads negotiated rates (null removes), neighbours, funders and contributions", () => {
    expect(validateOrganisationRateInput({ organisationId: "org-1", year: 2026, dayRatePence: null }).ok).toBe(true);
    expect(fieldsOf(validateOrganisationRateInput({ organisationId: "org-1", year: 2026, dayRatePence: 0 }))).toEqual(["input.dayRatePence"]);
    expect(fieldsOf(validateOrganisationRateInput({ organisationId: "org-1", year: 3026, dayRatePence: 50_000 }))).toEqual(["input.year"]);
    expect(
      fieldsOf(validateStatisticalNeighboursInput({ authorityId: "E09000028", neighbourIds: ["E09000022", "E09000028", "E09000022", "x"] })),
    ).toEqual(["input.neighbourIds[1]", "input.neighbourIds[2]", "input.neighbourIds[3]"]);
    expect(validateFunderInput({ id: "fnd-new", name: "A trust" }).ok).toBe(true);
    expect(fieldsOf(validateFunderContributionInput({ funderId: "fnd-new", year: 2026, amountPence: -1 }))).toEqual(["input.amountPence"]);
    expect(fieldsOf(validateFunderContributionInput({ funderId: "fnd-new", year: 2026, amountPence: 1.5 }))).toEqual(["input.amountPence"]);
  });
});
