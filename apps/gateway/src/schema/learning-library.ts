import { AUDIENCES, LEARNING_ITEM_KINDS, PUBLICATION_STATES, type Theme } from "@adviser-hub/domain";
import {
  addTheme,
  createLearningItem,
  type LearningItemView,
  type LibrarySearchResult,
  libraryThemeCounts,
  publishLearningItem,
  renameTheme,
  retireTheme,
  searchLearningItems,
  type ThemeRow,
  themesOfRegion,
  updateLearningItem,
  withdrawLearningItem,
} from "@adviser-hub/service";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { InvalidTransitionError, ValidationError } from "../errors/index.js";
import { limits } from "../limits/index.js";
import { baseMutationErrors } from "./errors.js";
import { actorOf, mutationScopes, orThrow, rowId } from "./mutation-support.js";
import { Region } from "./region.js";
import { isRegionMember } from "./scopes.js";

// The learning library (rules 18 and 19): the region's theme vocabulary, its learning items
// and their full-text search. Free text here is never child-level personal data.

export const ThemeRef = builder.objectRef<Theme>("Theme").implement({
  description:
    "A theme of the region's managed vocabulary, shared by engagements, learning items and events. Its code never changes; its name is the label.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "The stable code engagements' and learning items' `themes` hold (\"court delays\")." }),
    name: t.exposeString("name", { description: "The label to show; REGION_ADMIN may rename it." }),
    retired: t.exposeBoolean("retired", { description: "Retired themes keep their history but take no new learning item or event." }),
  }),
});

const themeOf = (row: ThemeRow): Theme => ({ code: row.code, name: row.name, retired: row.retired_at !== null });

builder.objectField(Region, "themes", (t) =>
  t.field({
    type: [ThemeRef],
    description: "The region's theme vocabulary by name, retired themes included. Any token of the region.",
    authScopes: (region, _args, context) => isRegionMember(context, region.code),
    resolve: async (region, _args, context) => (await themesOfRegion(context.db, region.code)).map(themeOf),
  }),
);

export const LearningItemKindEnum = builder.enumType("LearningItemKind", {
  description: "What a learning item is.",
  values: {
    GOOD_PRACTICE: { description: "Good practice spotted in one area, for others not to reinvent." },
    CASE_REVIEW_LEARNING: { description: "Learning from a serious case review." },
    THEMATIC_BRIEFING: { description: "A briefing on a theme common to the region's boroughs." },
    INSPECTION_LEARNING: { description: "Learning from inspections." },
    GUIDANCE: { description: "Guidance for practitioners or boards." },
  } satisfies Record<(typeof LEARNING_ITEM_KINDS)[number], unknown>,
});

export const PublicationStateEnum = builder.enumType("PublicationState", {
  description: "Where a learning item is in publication: DRAFT to PUBLISHED to WITHDRAWN, never back.",
  values: {
    DRAFT: { description: "Being written: the region's staff only." },
    PUBLISHED: { description: "Published to its audience." },
    WITHDRAWN: { description: "Withdrawn for good: the region's staff only." },
  } satisfies Record<(typeof PUBLICATION_STATES)[number], unknown>,
});

export const AudienceEnum = builder.enumType("Audience", {
  description: "Who a published learning item is for.",
  values: {
    REGION_STAFF: { description: "The region's own staff only." },
    REGION_AUTHORITIES: { description: "Staff and every authority of the region." },
    PUBLIC: { description: "Anyone, other regions included." },
  } satisfies Record<(typeof AUDIENCES)[number], unknown>,
});

/** An item with whether its reader may read its text (rule 19's visibility, decided by the domain). */
interface ItemValue {
  readonly item: LearningItemView;
  readonly text: boolean;
}

/** Text fields answer FORBIDDEN to a reader who may see counts and themes only (a funder). */
const textScope = (value: ItemValue) => value.text;

export const LearningItemRef = builder.objectRef<ItemValue>("LearningItem").implement({
  description:
    "An item of the region's learning library: good practice, learning from a case review, a briefing, inspection learning or guidance. Its text is never child-level personal data.",
  fields: (t) => ({
    code: t.string({ description: "The item's id within the region.", resolve: (v) => v.item.id }),
    title: t.string({
      description: "The title. Never child-level personal data. Not for a FUNDER (counts and themes only).",
      authScopes: textScope,
      resolve: (v) => v.item.title,
    }),
    summary: t.string({
      description: "The summary. Never child-level personal data. Not for a FUNDER (counts and themes only).",
      authScopes: textScope,
      resolve: (v) => v.item.summary,
    }),
    kind: t.field({ type: LearningItemKindEnum, description: "What the item is.", resolve: (v) => v.item.kind }),
    state: t.field({ type: PublicationStateEnum, description: "Its publication state.", resolve: (v) => v.item.state }),
    audience: t.field({ type: AudienceEnum, description: "Who it is for once published.", resolve: (v) => v.item.audience }),
    publishedOn: t.field({ type: "Date", nullable: true, description: "When it was published; null for a draft.", resolve: (v) => v.item.publishedOn }),
    year: t.int({ nullable: true, description: "Calendar year of publication: the search's `year` filter.", resolve: (v) => v.item.publishedYear }),
    version: t.int({ description: "Moves on with every change: pass it as `expectedVersion` to update.", resolve: (v) => v.item.version }),
    themes: t.stringList({ description: "Theme codes of the region's vocabulary.", resolve: (v) => v.item.themes }),
    engagementCodes: t.stringList({
      description: "Engagements it came from. Not for a FUNDER.",
      authScopes: textScope,
      resolve: (v) => v.item.engagementIds,
    }),
    authorityCodes: t.stringList({ description: "Authorities (GSS codes) it came from. Not for a FUNDER.", authScopes: textScope, resolve: (v) => v.item.authorityIds }),
    organisationCodes: t.stringList({
      description: "Organisations it came from. Not for a FUNDER.",
      authScopes: textScope,
      resolve: (v) => v.item.organisationIds,
    }),
  }),
});

const offsetPrefix = "offset:";
const encodeOffset = (offset: number) => Buffer.from(`${offsetPrefix}${offset}`, "utf8").toString("base64url");
function decodeOffset(after: string | null | undefined): number {
  if (after == null) return 0;
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(after) ? Buffer.from(after, "base64url").toString("utf8") : "";
  const offset = text.startsWith(offsetPrefix) ? Number(text.slice(offsetPrefix.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ValidationError("after", "after is not a cursor of this search");
  return offset;
}

builder.queryField("searchLearningItems", (t) =>
  t.connection(
    {
      type: LearningItemRef,
      description:
        "Full-text search of a region's learning library (PostgreSQL websearch syntax over title and summary), best match first, with filters. The region's staff see every item; an AUTHORITY of the region published items for its authorities or the public; a FUNDER counts and themes only (no text, no text query); any other token public items only.",
      authScopes: { signedIn: true },
      args: {
        region: t.arg.string({ required: true, description: "Region code." }),
        query: t.arg.string({ required: false, description: "Words, \"a phrase\", -excluded, or: as a web search engine reads them. Not for a FUNDER." }),
        kinds: t.arg({ type: [LearningItemKindEnum], required: false, description: "Only these kinds." }),
        theme: t.arg.string({ required: false, description: "Only items with this theme code." }),
        authority: t.arg.string({ required: false, description: "Only items from this authority (GSS code), listed or through its organisations or engagements." }),
        year: t.arg.int({ required: false, description: "Only items published in this calendar year." }),
      },
      resolve: async (_root, args, context) => {
        if (args.last != null || args.before != null) throw new ValidationError("last", "Only forward pagination (first/after) is supported");
        const first = args.first ?? 20;
        if (!Number.isInteger(first) || first < 1 || first > limits.maxPageSize)
          throw new ValidationError("first", `first must be between 1 and ${limits.maxPageSize}`);
        const offset = decodeOffset(args.after);
        const result = orThrow(
          await searchLearningItems(context.db, await libraryReader(context, args.region), {
            region: args.region,
            query: args.query ?? null,
            kinds: args.kinds ?? null,
            theme: args.theme ?? null,
            authority: args.authority ?? null,
            year: args.year ?? null,
            first,
            offset,
          }),
        );
        return toSearchConnection(result);
      },
    },
    {
      name: "LearningItemConnection",
      description: "A page of the learning library, best match first, with the filtered total.",
      fields: (c) => ({
        themeCounts: c.field({
          type: [ThemeCount],
          description: "How many of the items found (all pages) carry each theme, most first: what a FUNDER reads of the library. One more statement when asked.",
          resolve: (connection, _args, context) => {
            const { region, search } = (connection as unknown as { result: LibrarySearchResult }).result;
            return libraryThemeCounts(context.db, region, search);
          },
        }),
      }),
    },
    {
      name: "LearningItemEdge",
      description: "A learning item found, with its highlight.",
      fields: (e) => ({
        highlight: e.string({
          nullable: true,
          description: "The summary (or title) with the words found between « and »; null without a query or for a FUNDER.",
          resolve: (edge) => (edge as unknown as { highlight: string | null }).highlight,
        }),
      }),
    },
  ),
);

/**
 * Who reads the library: a funder that does not fund the region, like any token of another
 * region, reads it as an outsider (public items).
 */
async function libraryReader(context: GatewayContext, region: string) {
  const viewer = context.viewer!;
  const member = viewer.region === region && (viewer.role !== "FUNDER" || (await isRegionMember(context, region)));
  return { role: viewer.role, regionCode: member ? viewer.region : "", ...(viewer.authority ? { authority: viewer.authority } : {}) };
}

const ThemeCount = builder.objectRef<{ theme: string; count: number }>("ThemeCount").implement({
  description: "A theme and how many learning items found carry it.",
  fields: (t) => ({
    theme: t.exposeString("theme", { description: "The theme's code." }),
    count: t.exposeInt("count", { description: "Items carrying it." }),
  }),
});

function toSearchConnection(result: LibrarySearchResult) {
  const edges = result.hits.map((hit, i) => ({
    cursor: encodeOffset(result.offset + i + 1),
    node: { item: hit.item, text: result.visibility.text },
    highlight: hit.highlight,
  }));
  return {
    result,
    edges,
    totalCount: result.totalCount,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

// Mutations -----------------------------------------------------------------------------------

const ThemePayload = builder.objectRef<Theme>("ThemePayload").implement({
  description: "The theme as it now stands.",
  fields: (t) => ({ theme: t.field({ type: ThemeRef, description: "The theme.", resolve: (theme) => theme }) }),
});

const AddThemeInput = builder.inputType("AddThemeInput", {
  description: "A new theme for the region's vocabulary.",
  fields: (t) => ({ name: t.string({ required: true, description: "Its name, which also becomes its lasting code (1 to 80 characters)." }) }),
});
const RenameThemeInput = builder.inputType("RenameThemeInput", {
  description: "A new name for a theme; its code stays.",
  fields: (t) => ({
    code: t.string({ required: true, description: "The theme's code." }),
    name: t.string({ required: true, description: "Its new name (1 to 80 characters)." }),
  }),
});
const RetireThemeInput = builder.inputType("RetireThemeInput", {
  description: "A theme to retire.",
  fields: (t) => ({ code: t.string({ required: true, description: "The theme's code." }) }),
});

builder.mutationField("addTheme", (t) =>
  t.field({
    type: ThemePayload,
    description: "Adds a theme to the region's vocabulary (REGION_ADMIN).",
    ...mutationScopes("addTheme"),
    errors: { types: [...baseMutationErrors], union: { name: "AddThemeResult", description: "The theme, or why it was refused." } },
    args: { input: t.arg({ type: AddThemeInput, required: true, description: "The theme." }) },
    resolve: async (_root, { input }, context) => orThrow(await addTheme(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);
builder.mutationField("renameTheme", (t) =>
  t.field({
    type: ThemePayload,
    description: "Renames a theme (REGION_ADMIN); its code, and everything using it, stay.",
    ...mutationScopes("renameTheme"),
    errors: { types: [...baseMutationErrors], union: { name: "RenameThemeResult", description: "The theme, or why it was refused." } },
    args: { input: t.arg({ type: RenameThemeInput, required: true, description: "The theme and its new name." }) },
    resolve: async (_root, { input }, context) => orThrow(await renameTheme(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);
builder.mutationField("retireTheme", (t) =>
  t.field({
    type: ThemePayload,
    description: "Retires a theme (REGION_ADMIN): history keeps it, new learning items and events may not take it.",
    ...mutationScopes("retireTheme"),
    errors: { types: [...baseMutationErrors], union: { name: "RetireThemeResult", description: "The theme, or why it was refused." } },
    args: { input: t.arg({ type: RetireThemeInput, required: true, description: "The theme." }) },
    resolve: async (_root, { input }, context) => orThrow(await retireTheme(context.db, actorOf(context), input, { clock: context.clock })),
  }),
);

type InputFields = PothosSchemaTypes.InputFieldBuilder<(typeof builder)["$inferSchemaTypes"], "InputObject">;

/** The content both the create and the update inputs carry. */
const contentFields = (t: InputFields) => ({
  title: t.string({ required: true, description: "The title, 1 to 200 characters. Never child-level personal data." }),
  summary: t.string({ required: true, description: "The summary, at most 4,000 characters. Never child-level personal data." }),
  kind: t.field({ type: LearningItemKindEnum, required: true, description: "What it is." }),
  audience: t.field({ type: AudienceEnum, required: true, description: "Who it is for once published." }),
  themes: t.stringList({ required: false, description: "Theme codes, current ones of the region's vocabulary." }),
  engagementIds: t.idList({ required: false, description: "Engagements it came from." }),
  authorityIds: t.stringList({ required: false, description: "Authorities (GSS codes) it came from." }),
  organisationIds: t.idList({ required: false, description: "Organisations it came from." }),
});

const CreateLearningItemInput = builder.inputType("CreateLearningItemInput", {
  description: "A new learning item, stored as a DRAFT. Its text is never child-level personal data.",
  fields: (t) => contentFields(t),
});

const UpdateLearningItemInput = builder.inputType("UpdateLearningItemInput", {
  description: "The whole new content of a draft or published item (its links are replaced). Never child-level personal data.",
  fields: (t) => ({
    learningItemId: t.id({ required: true, description: "The item's code." }),
    expectedVersion: t.int({ required: false, description: "The version read; a newer one refuses the change." }),
    ...contentFields(t),
  }),
});

const PublishLearningItemInput = builder.inputType("PublishLearningItemInput", {
  description: "A draft to publish.",
  fields: (t) => ({
    learningItemId: t.id({ required: true, description: "The item's code." }),
    publishedOn: t.field({ type: "Date", required: false, description: "The day of publication; today (UTC) when absent." }),
  }),
});
const WithdrawLearningItemInput = builder.inputType("WithdrawLearningItemInput", {
  description: "A published item to withdraw.",
  fields: (t) => ({ learningItemId: t.id({ required: true, description: "The item's code." }) }),
});

const LearningItemPayload = builder.objectRef<LearningItemView>("LearningItemPayload").implement({
  description: "The learning item as written.",
  fields: (t) => ({
    learningItem: t.field({ type: LearningItemRef, description: "The item.", resolve: (item) => ({ item, text: true }) }),
  }),
});

const ids = (context: GatewayContext, values: readonly (string | number)[] | null | undefined, typename: string, field: string) =>
  (values ?? []).map((value, i) => rowId(context, String(value), typename, `${field}.${i}`));

/** The input with its engagement and organisation ids read as the API hands them out (global ids or codes). */
const withLinkIds = <T extends { engagementIds?: readonly (string | number)[] | null; organisationIds?: readonly (string | number)[] | null }>(
  context: GatewayContext,
  input: T,
) => ({
  ...input,
  engagementIds: ids(context, input.engagementIds, "Engagement", "input.engagementIds"),
  organisationIds: ids(context, input.organisationIds, "Organisation", "input.organisationIds"),
});

builder.mutationField("createLearningItem", (t) =>
  t.field({
    type: LearningItemPayload,
    description: "Adds a learning item to the region's library as a DRAFT (REGION_ADMIN, ADVISER).",
    ...mutationScopes("createLearningItem"),
    errors: { types: [...baseMutationErrors], union: { name: "CreateLearningItemResult", description: "The item, or why it was refused." } },
    args: { input: t.arg({ type: CreateLearningItemInput, required: true, description: "The item." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await createLearningItem(context.db, actorOf(context), withLinkIds(context, input), { clock: context.clock }),
      ),
  }),
);

builder.mutationField("updateLearningItem", (t) =>
  t.field({
    type: LearningItemPayload,
    description: "Replaces a draft or published item's content and links (REGION_ADMIN, ADVISER); a withdrawn item is refused.",
    ...mutationScopes("updateLearningItem"),
    errors: {
      types: [...baseMutationErrors, InvalidTransitionError],
      union: { name: "UpdateLearningItemResult", description: "The item, or why it was refused." },
    },
    args: { input: t.arg({ type: UpdateLearningItemInput, required: true, description: "The item's new content." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await updateLearningItem(
          context.db,
          actorOf(context),
          { ...withLinkIds(context, input), learningItemId: rowId(context, String(input.learningItemId), "LearningItem", "input.learningItemId") },
          { clock: context.clock },
        ),
      ),
  }),
);

builder.mutationField("publishLearningItem", (t) =>
  t.field({
    type: LearningItemPayload,
    description: "Publishes a draft to its audience (REGION_ADMIN, ADVISER).",
    ...mutationScopes("publishLearningItem"),
    errors: {
      types: [...baseMutationErrors, InvalidTransitionError],
      union: { name: "PublishLearningItemResult", description: "The item, or why it was refused." },
    },
    args: { input: t.arg({ type: PublishLearningItemInput, required: true, description: "The draft." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await publishLearningItem(
          context.db,
          actorOf(context),
          { learningItemId: rowId(context, String(input.learningItemId), "LearningItem", "input.learningItemId"), publishedOn: input.publishedOn ?? null },
          { clock: context.clock },
        ),
      ),
  }),
);

builder.mutationField("withdrawLearningItem", (t) =>
  t.field({
    type: LearningItemPayload,
    description: "Withdraws a published item for good (REGION_ADMIN, ADVISER): only the region's staff see it after.",
    ...mutationScopes("withdrawLearningItem"),
    errors: {
      types: [...baseMutationErrors, InvalidTransitionError],
      union: { name: "WithdrawLearningItemResult", description: "The item, or why it was refused." },
    },
    args: { input: t.arg({ type: WithdrawLearningItemInput, required: true, description: "The item." }) },
    resolve: async (_root, { input }, context) =>
      orThrow(
        await withdrawLearningItem(
          context.db,
          actorOf(context),
          { learningItemId: rowId(context, String(input.learningItemId), "LearningItem", "input.learningItemId") },
          { clock: context.clock },
        ),
      ),
  }),
);
