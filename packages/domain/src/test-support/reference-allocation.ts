import { financialYearEndDate, financialYearOf } from "../calendar/financial-year.js";
import { dayNumber, isPlainDate } from "../calendar/plain-date.js";
import type { RegionPolicy } from "../policy/region-policy.js";
import { isStrand } from "../policy/strand.js";
import { MAX_DELIVERY_UNITS } from "../quantities/days.js";
import { chargeForUnits } from "../quantities/money.js";
import type { HolderYearSummary, QuotaAllocation, QuotaDelivery, QuotaInput } from "../quota/allocate-quota.js";
import { DAY_RATE_RULE, dayRateFor, isDayRatePence } from "../quota/day-rate.js";
import { allowanceUnits, quotaHolderOf } from "../quota/quota-holder.js";
import { err, type FieldIssue, notFound, type NotFoundError, ok, type Result, validationError, type ValidationError } from "../result.js";

/*
 * Rules 3 to 5 as a plain loop: the reference model the property tests hold allocateQuota to.
 * allocateQuota itself runs a kernel over packed records because this loop misses the 1 s
 * target for 1,000,000 deliveries (see the package README, Performance). Same inputs, same
 * results: sort by (date, recorded order), then one pass.
 */
/**
 * Rules 3 to 5. Deliveries are allocated per quota holder and financial year in order of
 * (date, then recorded order): each takes what is left of its holder's allowance, if its strand
 * consumes quota, and the rest is chargeable if its strand is charged after quota, priced at the
 * agreed, else negotiated, else default day rate of its year and rounded half up to the penny.
 *
 * Deliveries with equal (date, recordedSeq) keep their input order; recordedSeq comes from a
 * sequence, so that does not happen with stored data.
 */
export function referenceAllocateQuota(
  policy: RegionPolicy,
  input: QuotaInput,
): Result<QuotaAllocation, ValidationError | NotFoundError> {
  const checked = checkQuotaInput(policy, input);
  if (!checked.ok) return checked;
  const { holderOfOrganisation, holderIds, negotiatedRates } = checked.value;
  const { deliveries } = input;
  const n = deliveries.length;
  const order = allocationOrder(deliveries);
  const allocation = {
    count: n,
    order,
    financialYear: new Int32Array(n),
    quotaUnits: new Int32Array(n),
    freeUnits: new Int32Array(n),
    chargeableUnits: new Int32Array(n),
    dayRatePence: new Int32Array(n),
    chargePence: new Float64Array(n),
    holderIndex: new Int32Array(n),
    holderIds,
  };

  // Each holder's tally for the year it is in. Allocation runs in date order, so a holder's
  // year only moves forward: a delivery in a later year closes the tally and opens a fresh one.
  const open: (Mutable<HolderYearSummary> | undefined)[] = new Array(holderIds.length);
  const closed: HolderYearSummary[] = [];
  let total = 0;
  let year = Number.NaN;
  let yearEnd = "";
  for (let k = 0; k < n; k += 1) {
    const d = deliveries[order[k]!]!;
    if (!(d.date <= yearEnd)) {
      year = financialYearOf(policy, d.date);
      yearEnd = financialYearEndDate(policy, year);
    }
    const h = holderOfOrganisation.get(d.organisationId)!;
    let tally = open[h];
    if (tally === undefined || tally.year !== year) {
      if (tally !== undefined) closed.push(tally);
      tally = newTally(policy, holderIds[h]!, year);
      open[h] = tally;
    }

    const strand = policy.strands[d.strand];
    const fromQuota = strand.consumesQuota ? Math.min(d.units, tally.remainingFreeUnits) : 0;
    const chargeable = strand.chargedAfterQuota ? d.units - fromQuota : 0;
    const rate = chargeable > 0 ? dayRateFor(policy, year, d.agreedDayRatePence, negotiatedRates.get(d.organisationId)?.get(year)) : 0;
    const charge = chargeForUnits(chargeable, rate, policy.unitsPerDay);

    allocation.financialYear[k] = year;
    allocation.holderIndex[k] = h;
    allocation.quotaUnits[k] = fromQuota;
    allocation.freeUnits[k] = d.units - chargeable;
    allocation.chargeableUnits[k] = chargeable;
    allocation.dayRatePence[k] = rate;
    allocation.chargePence[k] = charge;
    tally.usedFreeUnits += fromQuota;
    tally.remainingFreeUnits -= fromQuota;
    tally.freeUnits += d.units - chargeable;
    tally.deliveredUnits += d.units;
    tally.chargeableUnits += chargeable;
    tally.chargePence += charge;
    total += charge;
  }
  for (const tally of open) if (tally !== undefined) closed.push(tally);
  closed.sort((a, b) => (a.holderId < b.holderId ? -1 : a.holderId > b.holderId ? 1 : a.year - b.year));
  return ok({ ...allocation, holderYears: closed, totalChargePence: total });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function newTally(policy: RegionPolicy, holderId: string, year: number): Mutable<HolderYearSummary> {
  const allowance = allowanceUnits(policy, holderId, year);
  return {
    holderId,
    year,
    allowanceUnits: allowance,
    usedFreeUnits: 0,
    remainingFreeUnits: allowance,
    freeUnits: 0,
    deliveredUnits: 0,
    chargeableUnits: 0,
    chargePence: 0,
  };
}

/**
 * Input positions in allocation order: by date, then recorded order, then input position (so
 * the sort is stable whatever the engine). Dates compare as day numbers and sequences as
 * numbers, read once each instead of once per comparison.
 */
function allocationOrder(deliveries: readonly QuotaDelivery[]): Uint32Array {
  const n = deliveries.length;
  const day = new Float64Array(n);
  const seq = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    day[i] = dayNumber(deliveries[i]!.date);
    seq[i] = deliveries[i]!.recordedSeq;
    order[i] = i;
  }
  return order.sort((a, b) => day[a]! - day[b]! || seq[a]! - seq[b]! || a - b);
}

interface CheckedQuotaInput {
  /** Organisation id to an index into holderIds. */
  readonly holderOfOrganisation: ReadonlyMap<string, number>;
  readonly holderIds: readonly string[];
  /** Organisation id to year to negotiated rate. */
  readonly negotiatedRates: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

/**
 * Every field allocation relies on, checked before anything is allocated; every bad field is
 * reported. A delivery naming an organisation that was not given is NOT_FOUND.
 */
function checkQuotaInput(policy: RegionPolicy, input: QuotaInput): Result<CheckedQuotaInput, ValidationError | NotFoundError> {
  const issues: FieldIssue[] = [];
  const holderOfOrganisation = new Map<string, number>();
  const holderIndex = new Map<string, number>();
  const holderIds: string[] = [];
  for (const organisation of input.organisations) {
    if (holderOfOrganisation.has(organisation.id)) continue;
    const holderId = quotaHolderOf(policy, organisation);
    let h = holderIndex.get(holderId);
    if (h === undefined) {
      h = holderIds.length;
      holderIds.push(holderId);
      holderIndex.set(holderId, h);
    }
    holderOfOrganisation.set(organisation.id, h);
  }
  const negotiatedRates = new Map<string, Map<number, number>>();
  for (const [i, r] of (input.negotiatedRates ?? []).entries()) {
    if (!isDayRatePence(r.dayRatePence)) issues.push({ field: `negotiatedRates[${i}].dayRatePence`, message: DAY_RATE_RULE });
    const byYear = negotiatedRates.get(r.organisationId) ?? new Map<number, number>();
    byYear.set(r.year, r.dayRatePence);
    negotiatedRates.set(r.organisationId, byYear);
  }
  let unknownOrganisation: NotFoundError | null = null;
  const { deliveries } = input;
  for (let i = 0; i < deliveries.length; i += 1) {
    const d = deliveries[i]!;
    if (!isAllocatable(d)) issues.push(...deliveryIssues(d, `deliveries[${i}]`));
    if (unknownOrganisation === null && !holderOfOrganisation.has(d.organisationId))
      unknownOrganisation = notFound("Organisation", String(d.organisationId), `deliveries[${i}].organisationId`);
  }
  if (issues.length > 0) return err(validationError(issues));
  if (unknownOrganisation !== null) return err(unknownOrganisation);
  return ok({ holderOfOrganisation, holderIds, negotiatedRates });
}

const validUnits = (units: number) => Number.isSafeInteger(units) && units > 0 && units <= MAX_DELIVERY_UNITS;
const validSeq = (seq: number) => Number.isSafeInteger(seq) && seq >= 0;

/** Whether allocation can take a delivery as it is (the common case, so checked cheaply first). */
function isAllocatable(d: QuotaDelivery): boolean {
  return (
    isPlainDate(d.date) &&
    validUnits(d.units) &&
    validSeq(d.recordedSeq) &&
    isStrand(d.strand) &&
    (d.agreedDayRatePence === null || isDayRatePence(d.agreedDayRatePence))
  );
}

/** Every problem with a delivery allocation cannot take, each naming its field under `at`. */
function deliveryIssues(d: QuotaDelivery, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isPlainDate(d.date)) issues.push({ field: `${at}.date`, message: "must be a date YYYY-MM-DD" });
  if (!validUnits(d.units))
    issues.push({ field: `${at}.units`, message: `must be a whole number of units from 1 to ${MAX_DELIVERY_UNITS}` });
  if (!validSeq(d.recordedSeq)) issues.push({ field: `${at}.recordedSeq`, message: "must be a whole number, zero or more" });
  if (!isStrand(d.strand)) issues.push({ field: `${at}.strand`, message: `unknown strand ${String(d.strand)}` });
  if (d.agreedDayRatePence !== null && !isDayRatePence(d.agreedDayRatePence))
    issues.push({ field: `${at}.agreedDayRatePence`, message: `must be null or ${DAY_RATE_RULE.replace(/^must be /, "")}` });
  return issues;
}

