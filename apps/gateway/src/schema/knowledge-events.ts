import { KNOWLEDGE_EVENT_KINDS } from "@adviser-hub/domain";
import {
  type DisseminationReport,
  disseminationReport,
  type KnowledgeEventView,
  knowledgeEventsOfRegion,
  recordEventAttendance,
  recordKnowledgeEvent,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import { regionalKey } from "../global-id.js";
import { Authority } from "./authority.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, readerOf, rowId } from "./mutation-support.js";
import { Region } from "./region.js";
import { regionStaff, useCaseScopes } from "./scopes.js";

// The hub's events and what they disseminated (rule 21): briefings for elected members, legal
// training, boards' development days and network meetings, with attendance per organisation.

const KnowledgeEventKindEnum = builder.enumType("KnowledgeEventKind", {
  description: "What kind of event the hub ran.",
  values: {
    MEMBER_BRIEFING: { description: "A briefing for elected members." },
    LEGAL_TRAINING: { description: "Legal training." },
    DEVELOPMENT_DAY: { description: "A development day for a local board." },
    NETWORK_MEETING: { description: "A meeting of a regional network." },
  } satisfies Record<(typeof KNOWLEDGE_EVENT_KINDS)[number], unknown>,
});

const Invitation = builder.objectRef<KnowledgeEventView["invitations"][number]>("EventInvitation").implement({
  description: "An organisation invited to an event, and whether it attended.",
  fields: (t) => ({
    organisationCode: t.exposeString("organisationId", { description: "The organisation's id." }),
    attended: t.exposeBoolean("attended", { nullable: true, description: "Whether it attended; null until attendance is recorded." }),
  }),
});

const KnowledgeEvent = builder.objectRef<KnowledgeEventView>("KnowledgeEvent").implement({
  description: "An event of the hub with its themes, invited organisations, attendance and the learning items it carried.",
  fields: (t) => ({
    code: t.exposeString("id", { description: "The event's id within the region." }),
    kind: t.field({ type: KnowledgeEventKindEnum, description: "What kind of event.", resolve: (e) => e.kind }),
    title: t.exposeString("title", { description: "Its title. Never child-level personal data." }),
    heldOn: t.field({ type: "Date", description: "When it was held.", resolve: (e) => e.heldOn }),
    themes: t.exposeStringList("themes", { description: "Theme codes of the region's vocabulary." }),
    learningItemCodes: t.exposeStringList("learningItemIds", { description: "Learning items it carried." }),
    invitations: t.field({ type: [Invitation], description: "Invited organisations by id, with attendance.", resolve: (e) => e.invitations }),
  }),
});

builder.objectField(Region, "knowledgeEvents", (t) =>
  t.field({
    type: [KnowledgeEvent],
    description: "The hub's events, newest first: the region's staff only.",
    authScopes: (region) => regionStaff(region.code),
    resolve: (region, _args, context) => knowledgeEventsOfRegion(context.db, region.code),
  }),
);

const ReachChannelEnum = builder.enumType("ReachChannel", {
  description: "How learning reached an authority's area.",
  values: {
    EVENT: { description: "An organisation of the area attended an event that carried it." },
    ENGAGEMENT: { description: "Work was delivered on an engagement for an organisation of the area that carried it." },
  },
});

type ReachValue = { readonly region: string; readonly authorityId: string; readonly channels: readonly ("EVENT" | "ENGAGEMENT")[] };

const AuthorityReach = builder.objectRef<ReachValue>("AuthorityReach").implement({
  description: "An authority the learning reached, and how.",
  fields: (t) => ({
    authority: t.field({ type: Authority, description: "The authority.", resolve: (r) => regionalKey(r.region, r.authorityId) }),
    channels: t.field({ type: [ReachChannelEnum], description: "How it was reached.", resolve: (r) => r.channels }),
  }),
});

const Dissemination = builder.objectRef<DisseminationReport>("Dissemination").implement({
  description: "Which of the region's authorities a learning item, or a theme, reached through attended events or engagements, and which it did not.",
  fields: (t) => ({
    learningItemCode: t.exposeString("learningItemId", { nullable: true, description: "The learning item asked about." }),
    theme: t.exposeString("theme", { nullable: true, description: "The theme asked about." }),
    reached: t.field({
      type: [AuthorityReach],
      description: "Authorities reached, by code.",
      resolve: (d) => d.reached.map((r) => ({ ...r, region: d.region })),
    }),
    notReached: t.field({
      type: [Authority],
      description: "Authorities not reached, by code.",
      resolve: (d) => d.notReached.map((id) => regionalKey(d.region, id)),
    }),
    reachedCount: t.int({ description: "How many were reached.", resolve: (d) => d.reached.length }),
    notReachedCount: t.int({ description: "How many were not.", resolve: (d) => d.notReached.length }),
  }),
});

builder.queryField("disseminationReport", (t) =>
  t.field({
    type: Dissemination,
    description: "Which authorities a learning item or a theme reached (give exactly one). Any token of the region: it names areas, no text.",
    args: {
      region: t.arg.string({ required: true, description: "Region code." }),
      learningItem: t.arg.string({ required: false, description: "A learning item's code." }),
      theme: t.arg.string({ required: false, description: "A theme's code." }),
    },
    authScopes: (_root, args) => useCaseScopes("disseminationReport", args.region),
    resolve: async (_root, args, context) =>
      orThrow(
        await disseminationReport(context.db, readerOf(context), {
          region: args.region,
          learningItemId: args.learningItem ?? null,
          theme: args.theme ?? null,
        }),
      ),
  }),
);

// Mutations -----------------------------------------------------------------------------------

const RecordKnowledgeEventInput = builder.inputType("RecordKnowledgeEventInput", {
  description: "An event of the hub. Never child-level personal data.",
  fields: (t) => ({
    kind: t.field({ type: KnowledgeEventKindEnum, required: true, description: "What kind of event." }),
    title: t.string({ required: true, description: "Its title (at most 200 characters)." }),
    heldOn: t.field({ type: "Date", required: true, description: "When it is or was held." }),
    themes: t.stringList({ required: false, description: "Theme codes, current ones of the region's vocabulary." }),
    invitedOrganisationIds: t.idList({ required: false, description: "Organisations invited." }),
    learningItemIds: t.idList({ required: false, description: "Learning items it carries." }),
  }),
});

const AttendanceInput = builder.inputType("AttendanceInput", {
  description: "Whether one invited organisation attended.",
  fields: (t) => ({
    organisationId: t.id({ required: true, description: "The invited organisation." }),
    attended: t.boolean({ required: true, description: "Whether it attended." }),
  }),
});

const RecordEventAttendanceInput = builder.inputType("RecordEventAttendanceInput", {
  description: "Attendance at an event, per invited organisation.",
  fields: (t) => ({
    eventId: t.id({ required: true, description: "The event's code." }),
    attendance: t.field({ type: [AttendanceInput], required: true, description: "One entry per organisation recorded." }),
  }),
});

const KnowledgeEventPayload = builder.objectRef<KnowledgeEventView>("KnowledgeEventPayload").implement({
  description: "The event as it now stands.",
  fields: (t) => ({ event: t.field({ type: KnowledgeEvent, description: "The event.", resolve: (e) => e }) }),
});

builder.mutationField("recordKnowledgeEvent", (t) =>
  t.field({
    type: KnowledgeEventPayload,
    description: "Records an event with its themes, invitations and learning items (REGION_ADMIN, ADVISER).",
    ...mutationScopes("recordKnowledgeEvent"),
    errors: { types: [...baseMutationErrors], union: { name: "RecordKnowledgeEventResult", description: "The event, or why it was refused." } },
    args: { input: t.arg({ type: RecordKnowledgeEventInput, required: true, description: "The event." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await recordKnowledgeEvent(
          context.db,
          actorOf(context),
          {
            ...input,
            invitedOrganisationIds: (input.invitedOrganisationIds ?? []).map((id, i) =>
              rowId(context, String(id), "Organisation", `input.invitedOrganisationIds.${i}`),
            ),
            learningItemIds: (input.learningItemIds ?? []).map((id, i) => rowId(context, String(id), "LearningItem", `input.learningItemIds.${i}`)),
          },
          { clock: context.clock },
        ),
      ),
  }),
);

builder.mutationField("recordEventAttendance", (t) =>
  t.field({
    type: KnowledgeEventPayload,
    description: "Records which invited organisations attended an event (REGION_ADMIN, ADVISER).",
    ...mutationScopes("recordEventAttendance"),
    errors: { types: [...baseMutationErrors], union: { name: "RecordEventAttendanceResult", description: "The event, or why it was refused." } },
    args: { input: t.arg({ type: RecordEventAttendanceInput, required: true, description: "The attendance." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await recordEventAttendance(
          context.db,
          actorOf(context),
          {
            eventId: rowId(context, String(input.eventId), "KnowledgeEvent", "input.eventId"),
            attendance: input.attendance.map((a, i) => ({
              organisationId: rowId(context, String(a.organisationId), "Organisation", `input.attendance.${i}.organisationId`),
              attended: a.attended,
            })),
          },
          { clock: context.clock },
        ),
      ),
  }),
);
