import {
  type AuditEntry,
  type CreatedRegion,
  type ImportedBankHolidays,
  type RegionPolicySet,
  auditLog,
  createRegion,
  importBankHolidays,
  setRegionPolicy,
} from "@adviser-hub/service";
import type { ObjectFieldBuilder } from "@pothos/core";
import { builder } from "../builder.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/index.js";
import { pageRequest, toConnection } from "./connection.js";
import { actorOf, mutationScopes, orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

type Types = (typeof builder)["$inferSchemaTypes"];

// Running a region without writing code: opening it, its policy versions, its bank holidays
// and who changed what. The policy input is the domain's policy document (RegionPolicyInput:
// days, not units) field for field, so the domain's parseRegionPolicy is the one validator and
// its paths are the error fields.

const QuotaPoolingEnum = builder.enumType("QuotaPooling", {
  description: "Who shares a free-day allowance (rule 3).",
  values: {
    AREA: { description: "An area's organisations share their home authority's allowance." },
    ORGANISATION: { description: "Each organisation has its own allowance." },
  },
});

const BillingPeriodKindEnum = builder.enumType("BillingPeriodKind", {
  description: "What one statement covers.",
  values: {
    MONTH: { description: "A calendar month." },
    QUARTER: { description: "A quarter of the financial year." },
  },
});

const FinancialYearStartInput = builder.inputType("FinancialYearStartInput", {
  description: "The day each financial year starts on (England: 1 April).",
  fields: (t) => ({
    month: t.int({ required: true, description: "Month, 1 to 12." }),
    day: t.int({ required: true, description: "Day of the month (not 29 February)." }),
  }),
});

// Days as text (as bank-holiday dates are): the domain reads them on the policy's granularity,
// so a value off it is a ValidationError naming its path (policy.freeDaysPerYear.defaultDays).
const YearDaysInput = builder.inputType("YearDaysInput", {
  description: "A number of days for one financial year.",
  fields: (t) => ({
    year: t.int({ required: true, description: "The financial year, named by the year it starts in." }),
    days: t.string({ required: true, description: 'Days as an exact decimal ("8", "7.5"), on the policy\'s granularity.' }),
  }),
});

const HolderYearDaysInput = builder.inputType("HolderYearDaysInput", {
  description: "A free-day allowance for one quota holder and financial year, overriding the default.",
  fields: (t) => ({
    holderId: t.string({ required: true, description: "The quota holder: an authority's GSS code or an organisation's id." }),
    year: t.int({ required: true, description: "The financial year." }),
    days: t.string({ required: true, description: 'Days as an exact decimal ("4", "2.5"), on the policy\'s granularity.' }),
  }),
});

const FreeDaysPerYearInput = builder.inputType("FreeDaysPerYearInput", {
  description: "Each quota holder's free allowance a year (rule 3), in days.",
  fields: (t) => ({
    defaultDays: t.string({ required: true, description: 'The allowance of any holder and year not listed below, in days ("10").' }),
    byYear: t.field({ type: [YearDaysInput], required: false, description: "The allowance of particular years." }),
    byHolderYear: t.field({ type: [HolderYearDaysInput], required: false, description: "The allowance of one holder in one year." }),
  }),
});

const StrandPolicyInput = builder.inputType("StrandPolicyInput", {
  description: "What one strand costs and whether capacity holds it (rule 4).",
  fields: (t) => ({
    consumesQuota: t.boolean({ required: true, description: "Its days draw down the free allowance (never for HOST_SUPPORT)." }),
    chargedAfterQuota: t.boolean({ required: true, description: "Days the allowance does not cover are charged." }),
    heldToCapacity: t.boolean({ required: true, description: "Confirmed bookings may not exceed bookable days (never for RAPID_RESPONSE)." }),
  }),
});

const StrandPoliciesInput = builder.inputType("StrandPoliciesInput", {
  description: "The policy of every strand.",
  fields: (t) => ({
    RAPID_RESPONSE: t.field({ type: StrandPolicyInput, required: true, description: "Urgent call-outs." }),
    PROJECT_SUPPORT: t.field({ type: StrandPolicyInput, required: true, description: "Planned project work." }),
    HOST_SUPPORT: t.field({ type: StrandPolicyInput, required: true, description: "Work owed to a host authority." }),
    KNOWLEDGE_HUB: t.field({ type: StrandPolicyInput, required: true, description: "Shared learning for the region." }),
    STRATEGIC: t.field({ type: StrandPolicyInput, required: true, description: "Region-wide strategic work." }),
  }),
});

const YearPenceInput = builder.inputType("YearPenceInput", {
  description: "An amount in pence for one financial year.",
  fields: (t) => ({
    year: t.int({ required: true, description: "The financial year." }),
    pence: t.int({ required: true, description: "Integer pence." }),
  }),
});

const DayRatePolicyInput = builder.inputType("DayRatePolicyInput", {
  description: "A day rate in pence, with the rates of particular years.",
  fields: (t) => ({
    pence: t.int({ required: true, description: "The rate of any year not listed, integer pence." }),
    byYear: t.field({ type: [YearPenceInput], required: false, description: "The rate of particular years." }),
  }),
});

const RapidResponsePolicyInput = builder.inputType("RapidResponsePolicyInput", {
  description: "The rapid-response reserve and target (rules 8 and 10).",
  fields: (t) => ({
    reserveDaysPerAdviserWeek: t.string({ required: true, description: 'Days held back from every adviser-week, as an exact decimal ("0.5").' }),
    targetHours: t.int({ required: true, description: "A response within this many hours is within target." }),
  }),
});

const BankHolidayInput = builder.inputType("BankHolidayInput", {
  description: "A day no adviser works.",
  fields: (t) => ({
    // Text rather than the Date scalar: the policy's own rules read it, so a bad date is a
    // ValidationError naming its path (policy.bankHolidays[3].date) like every other field.
    date: t.string({ required: true, description: "The date, YYYY-MM-DD." }),
    name: t.string({ required: true, description: "Its name (Christmas Day)." }),
  }),
});

const CurrencyFormatInput = builder.inputType("CurrencyFormatInput", {
  description: "How money is written.",
  fields: (t) => ({
    code: t.string({ required: true, description: "ISO 4217 code (GBP)." }),
    symbol: t.string({ required: true, description: "Symbol (£)." }),
    thousandsSeparator: t.string({ required: true, description: "Between thousands; may be empty." }),
    decimalSeparator: t.string({ required: true, description: "Before the pence." }),
  }),
});

const RegionPolicyInput = builder.inputType("RegionPolicyInput", {
  description: "A region's whole policy (rule 15): the domain's policy document, in days, field for field, without the region's code.",
  fields: (t) => ({
    name: t.string({ required: false, description: "The policy's name; the region's name when left out." }),
    financialYearStart: t.field({ type: FinancialYearStartInput, required: true, description: "The day each financial year starts." }),
    unitsPerDay: t.int({ required: true, description: "Granularity: 1 whole days, 2 half days, 4 quarter days; divides 1000." }),
    freeDaysPerYear: t.field({ type: FreeDaysPerYearInput, required: true, description: "The free allowance." }),
    quotaPooling: t.field({ type: QuotaPoolingEnum, required: true, description: "Who shares an allowance." }),
    strands: t.field({ type: StrandPoliciesInput, required: true, description: "What each strand costs." }),
    defaultDayRate: t.field({ type: DayRatePolicyInput, required: true, description: "The rate when neither engagement nor organisation has one." }),
    consultantBenchmarkDayRate: t.field({ type: DayRatePolicyInput, required: true, description: "The consultant rate value for money compares with." }),
    rapidResponse: t.field({ type: RapidResponsePolicyInput, required: true, description: "Reserve and target." }),
    bankHolidays: t.field({ type: [BankHolidayInput], required: true, description: "Days no adviser works." }),
    workingWeekdays: t.intList({ required: true, description: "ISO weekdays worked: 1 Monday to 7 Sunday." }),
    currency: t.field({ type: CurrencyFormatInput, required: true, description: "How money is written." }),
    billingPeriod: t.field({ type: BillingPeriodKindEnum, required: true, description: "What one statement covers." }),
  }),
});

const ReallocatedYearRef = builder.objectRef<{ year: number; changedDeliveries: number }>("ReallocatedYear").implement({
  description: "A financial year whose policy in force changed, re-allocated in the same transaction.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The financial year." }),
    changedDeliveries: t.exposeInt("changedDeliveries", { description: "Deliveries whose stored allocation changed." }),
  }),
});

const CreateRegionInput = builder.inputType("CreateRegionInput", {
  description: "A new region and its policy.",
  fields: (t) => ({
    code: t.string({ required: true, description: "Its code: a lower-case letter, then lower-case letters, digits and dashes (north-east)." }),
    name: t.string({ required: true, description: "Its name." }),
    fromFinancialYear: t.int({
      required: false,
      description: "The year the first policy version is stored from; it applies to earlier years too. 1900 when left out.",
    }),
    policy: t.field({ type: RegionPolicyInput, required: true, description: "The region's whole policy." }),
  }),
});

const CreateRegionPayload = builder.objectRef<CreatedRegion>("CreateRegionPayload").implement({
  description: "The region opened.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Its code." }),
    name: t.exposeString("name", { description: "Its name." }),
    fromFinancialYear: t.exposeInt("fromFinancialYear", { description: "The year its first policy version is stored from." }),
    policy: t.field({ type: "JSON", description: "The policy as stored, validated.", resolve: (r) => r.policy }),
  }),
});

builder.mutationField("createRegion", (t) =>
  t.field({
    type: CreateRegionPayload,
    description: "Opens a region with its policy (SERVICE_ADMIN).",
    ...mutationScopes("createRegion"),
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "CreateRegionResult", description: "The region, or why it was refused." },
    },
    args: { input: t.arg({ type: CreateRegionInput, required: true, description: "The region." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(await createRegion(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);

/** The fields a policy change's payloads share. */
const policySetFields = <T extends RegionPolicySet>(t: ObjectFieldBuilder<Types, T>) => ({
  region: t.string({ description: "The region's code.", resolve: (p: T) => p.region }),
  fromFinancialYear: t.int({ description: "The year the version applies from.", resolve: (p: T) => p.fromFinancialYear }),
  replaced: t.boolean({ description: "True when a version from that year was stored and this one replaced it.", resolve: (p: T) => p.replaced }),
  reallocatedYears: t.field({
    type: [ReallocatedYearRef],
    description: "Each year with deliveries whose policy changed, re-allocated; issued statements stay, the next carries adjustments.",
    resolve: (p: T) => [...p.reallocatedYears],
  }),
  policy: t.field({ type: "JSON", description: "The version as stored, validated.", resolve: (p: T) => p.policy }),
});

const SetRegionPolicyPayload = builder.objectRef<RegionPolicySet>("SetRegionPolicyPayload").implement({
  description: "The policy version stored.",
  fields: (t) => policySetFields(t),
});

const SetRegionPolicyInput = builder.inputType("SetRegionPolicyInput", {
  description: "A policy version of a region from a financial year on.",
  fields: (t) => ({
    region: t.string({ required: true, description: "The region's code." }),
    fromFinancialYear: t.int({ required: true, description: "The version applies from this year until the next stored version's." }),
    policy: t.field({ type: RegionPolicyInput, required: true, description: "The region's whole policy." }),
  }),
});

builder.mutationField("setRegionPolicy", (t) =>
  t.field({
    type: SetRegionPolicyPayload,
    description:
      "Adds, or replaces, a region's policy version from a financial year (REGION_ADMIN of the region, SERVICE_ADMIN); the years it changes are re-allocated at once.",
    ...mutationScopes("setRegionPolicy"),
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "SetRegionPolicyResult", description: "The version, or why it was refused." },
    },
    args: { input: t.arg({ type: SetRegionPolicyInput, required: true, description: "The version." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(await setRegionPolicy(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);

const ImportBankHolidaysPayload = builder.objectRef<ImportedBankHolidays>("ImportBankHolidaysPayload").implement({
  description: "The policy version the bank holidays went into.",
  fields: (t) => ({
    ...policySetFields(t),
    division: t.string({ description: "The division read.", resolve: (p) => p.division }),
    importedHolidays: t.int({ description: "How many holidays the document gave.", resolve: (p) => p.importedHolidays }),
  }),
});

const ImportBankHolidaysInput = builder.inputType("ImportBankHolidaysInput", {
  description: "A GOV.UK bank-holidays document for a region's policy.",
  fields: (t) => ({
    region: t.string({ required: true, description: "The region's code." }),
    division: t.string({ required: true, description: "england-and-wales, scotland or northern-ireland." }),
    json: t.string({ required: true, description: "The document's JSON text, in the public GOV.UK bank-holidays layout." }),
    fromFinancialYear: t.int({
      required: false,
      description: "The version applies from this year; the newest stored version's year (replacing it) when left out.",
    }),
  }),
});

builder.mutationField("importBankHolidays", (t) =>
  t.field({
    type: ImportBankHolidaysPayload,
    description:
      "Puts one division's GOV.UK bank holidays into the region's policy as a version from a financial year (REGION_ADMIN of the region, SERVICE_ADMIN): holidays within the document's span are replaced, the others kept.",
    ...mutationScopes("importBankHolidays"),
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "ImportBankHolidaysResult", description: "The version, or why it was refused." },
    },
    args: { input: t.arg({ type: ImportBankHolidaysInput, required: true, description: "The document and where it goes." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(await importBankHolidays(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);

const AuditEntryRef = builder.objectRef<AuditEntry>("AuditEntry").implement({
  description: "One change: who made it, to what, when, and the values before and after.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", description: "When it was made.", resolve: (e) => e.at }),
    actor: t.exposeString("actor", { description: "Who made it, as the token named them (role:region:scope)." }),
    action: t.exposeString("action", { description: "The use case (recordDelivery, setRegionPolicy...)." }),
    entity: t.exposeString("entity", { description: "The kind of thing changed (delivery, regionPolicy...)." }),
    entityId: t.exposeString("entityId", { description: "Its id." }),
    before: t.field({ type: "JSON", nullable: true, description: "Its values before; null for a creation.", resolve: (e) => e.before ?? null }),
    after: t.field({ type: "JSON", nullable: true, description: "Its values after; null for a deletion.", resolve: (e) => e.after ?? null }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.connection(
    {
      type: AuditEntryRef,
      description:
        "Who changed what and when in a region, newest first (REGION_ADMIN of the region, SERVICE_ADMIN); one statement per page.",
      args: {
        region: t.arg.string({ required: true, description: "The region's code." }),
        entity: t.arg.string({ required: false, description: "Only changes to this kind of thing (delivery, regionPolicy...)." }),
        actor: t.arg.string({ required: false, description: "Only changes by this actor, as recorded." }),
      },
      authScopes: (_root, args) => useCaseScopes("auditLog", args.region),
      resolve: async (_root, args, context) => {
        const page = orThrow(
          await auditLog(context.db, readerOf(context), {
            region: args.region,
            ...pageRequest(args),
            entity: args.entity ?? null,
            actor: args.actor ?? null,
          }),
        );
        return toConnection(page, (row) => row);
      },
    },
    { name: "AuditLogConnection", description: "A page of a region's audit log with the filtered total." },
    { name: "AuditLogEdge", description: "An audit entry in a page." },
  ),
);
