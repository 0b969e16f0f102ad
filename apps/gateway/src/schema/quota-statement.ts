import { quotaStatement, type QuotaStatement as QuotaStatementValue, type QuotaStatementLine } from "@adviser-hub/service";
import { builder } from "../builder.js";
import { StrandEnum } from "./enums.js";
import { Money, money } from "./money.js";
import { orThrow, readerOf } from "./mutation-support.js";
import { useCaseScopes } from "./scopes.js";

interface QuotaLineValue extends QuotaStatementLine {
  readonly unitsPerDay: number;
}

const QuotaHolderKindEnum = builder.enumType("QuotaHolderKind", {
  description: "Who holds a free allowance.",
  values: {
    AUTHORITY: { description: "An authority's area: its council, board, police and health partners share one allowance." },
    ORGANISATION: { description: "One organisation (region-wide bodies, or regions that pool by organisation)." },
  },
});

const QuotaLine = builder.objectRef<QuotaLineValue>("QuotaLine").implement({
  description: "One delivery's share of the allowance: its free and chargeable parts (a delivery can be split).",
  fields: (t) => ({
    deliveryCode: t.string({ description: "The delivery's id.", resolve: (l) => l.row.id }),
    date: t.field({ type: "Date", description: "The date delivered.", resolve: (l) => l.row.date }),
    organisationCode: t.string({ description: "The client organisation's id.", resolve: (l) => l.row.organisationId }),
    organisationName: t.string({ description: "The client organisation's name.", resolve: (l) => l.row.organisationName }),
    engagementCode: t.string({ description: "The engagement's id.", resolve: (l) => l.row.engagementId }),
    engagementTitle: t.string({ description: "The engagement's title.", resolve: (l) => l.row.engagementTitle }),
    strand: t.field({ type: StrandEnum, description: "The engagement's strand.", resolve: (l) => l.row.strand }),
    days: t.field({ type: "Days", description: "Days delivered.", resolve: (l) => ({ units: l.row.units, unitsPerDay: l.unitsPerDay }) }),
    quotaDays: t.field({
      type: "Days",
      description: "Days drawn from the free allowance.",
      resolve: (l) => ({ units: l.row.quotaUnits, unitsPerDay: l.unitsPerDay }),
    }),
    freeDays: t.field({
      type: "Days",
      description: "Days not charged (allowance plus free strands).",
      resolve: (l) => ({ units: l.row.freeUnits, unitsPerDay: l.unitsPerDay }),
    }),
    chargeableDays: t.field({
      type: "Days",
      description: "Days charged.",
      resolve: (l) => ({ units: l.row.chargeableUnits, unitsPerDay: l.unitsPerDay }),
    }),
    dayRate: t.field({
      type: Money,
      nullable: true,
      description: "Rate the chargeable part is priced at (agreed, else negotiated, else default); null when nothing is chargeable.",
      resolve: (l) => (l.row.chargeableUnits > 0 ? money(l.row.dayRatePence) : null),
    }),
    charge: t.field({ type: Money, description: "Charge for the line, rounded half up to the penny.", resolve: (l) => money(l.row.chargePence) }),
  }),
});

const days = (units: number, unitsPerDay: number) => ({ units, unitsPerDay });

const QuotaStatement = builder.objectRef<QuotaStatementValue>("QuotaStatement").implement({
  description: "A quota holder's free allowance for one financial year and how its deliveries used it, delivery by delivery.",
  fields: (t) => ({
    holder: t.string({ description: "The holder's id: a GSS code for an authority's area, else an organisation id.", resolve: (s) => s.holderId }),
    holderName: t.string({ description: "The holder's name.", resolve: (s) => s.holderName }),
    holderKind: t.field({ type: QuotaHolderKindEnum, description: "Area or single organisation.", resolve: (s) => s.holderKind }),
    year: t.int({ description: "Financial year, named by the year it starts in.", resolve: (s) => s.year }),
    allowanceDays: t.field({ type: "Days", description: "Free days for the year.", resolve: (s) => days(s.summary.allowanceUnits, s.unitsPerDay) }),
    usedFreeDays: t.field({ type: "Days", description: "Free days used so far.", resolve: (s) => days(s.summary.usedFreeUnits, s.unitsPerDay) }),
    remainingFreeDays: t.field({
      type: "Days",
      description: "Free days left.",
      resolve: (s) => days(s.summary.remainingFreeUnits, s.unitsPerDay),
    }),
    deliveredDays: t.field({
      type: "Days",
      description: "All days delivered to the holder's organisations, every strand.",
      resolve: (s) => days(s.summary.deliveredUnits, s.unitsPerDay),
    }),
    chargeableDays: t.field({
      type: "Days",
      description: "Days charged.",
      resolve: (s) => days(s.summary.chargeableUnits, s.unitsPerDay),
    }),
    charges: t.field({ type: Money, description: "Sum of the lines' charges.", resolve: (s) => money(s.summary.chargePence) }),
    lines: t.field({ type: [QuotaLine], description: "Every delivery in allocation order (date, then order recorded).", resolve: (s) => s.lines.map((line) => ({ ...line, unitsPerDay: s.unitsPerDay })) }),
  }),
});

builder.queryField("quotaStatement", (t) =>
  t.field({
    type: QuotaStatement,
    description:
      "A quota holder's allowance and charges for one financial year, recomputed from the deliveries. Staff may read any holder; an authority its own area and its organisations.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      holder: t.arg.string({ required: true, description: "GSS code of an authority (area pooling) or an organisation id." }),
      year: t.arg.int({ required: true, description: "Financial year, named by the year it starts in." }),
    },
    authScopes: (_root, args) => useCaseScopes("quotaStatement", args.region),
    resolve: async (_root, args, context) =>
      orThrow(await quotaStatement(context.reportDb, context.reportLoaders, readerOf(context), { region: args.region, holder: args.holder, year: args.year })),
  }),
);

