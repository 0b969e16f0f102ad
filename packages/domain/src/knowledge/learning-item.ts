import type { PlainDate } from "../calendar/plain-date.js";
import type { Role } from "../roles/roles.js";
import { err, type InvalidTransitionError, ok, type Result, type ValidationError } from "../result.js";
import { Reader } from "../validation/field-reader.js";

/** Rule 19. What a learning item is. */
export const LEARNING_ITEM_KINDS = [
  "GOOD_PRACTICE",
  "CASE_REVIEW_LEARNING",
  "THEMATIC_BRIEFING",
  "INSPECTION_LEARNING",
  "GUIDANCE",
] as const;
export type LearningItemKind = (typeof LEARNING_ITEM_KINDS)[number];

export const PUBLICATION_STATES = ["DRAFT", "PUBLISHED", "WITHDRAWN"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Who an item is written for once published. */
export const AUDIENCES = ["REGION_STAFF", "REGION_AUTHORITIES", "PUBLIC"] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * A draft is published once; a published item may be withdrawn, which is final (a corrected
 * item is a new one, so what an authority was once shown stays on record as withdrawn).
 */
export const PUBLICATION_TRANSITIONS: Readonly<Record<PublicationState, readonly PublicationState[]>> = {
  DRAFT: ["PUBLISHED"],
  PUBLISHED: ["WITHDRAWN"],
  WITHDRAWN: [],
};

export function publicationTransition(from: PublicationState, to: PublicationState): Result<PublicationState, InvalidTransitionError> {
  if (PUBLICATION_TRANSITIONS[from].includes(to)) return ok(to);
  return err({ code: "INVALID_TRANSITION", from, to, message: `a ${from} learning item cannot become ${to}` });
}

/** A withdrawn item is kept as it was withdrawn. */
export const mayEditLearningItem = (state: PublicationState): boolean => state !== "WITHDRAWN";

export const LEARNING_TITLE_MAX = 200;
export const LEARNING_SUMMARY_MAX = 4000;
export const LEARNING_LINKS_MAX = 50;

/** A learning item's content as a caller writes it. Free text is never child-level personal data (rule 17). */
export interface LearningItemContent {
  readonly title: string;
  readonly summary: string;
  readonly kind: LearningItemKind;
  readonly audience: Audience;
  readonly themes: readonly string[];
  readonly engagementIds: readonly string[];
  readonly authorityIds: readonly string[];
  readonly organisationIds: readonly string[];
}

function idList(r: Reader, v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return [];
  const items = r.arr(v, field);
  if (!items) return undefined;
  if (items.length > LEARNING_LINKS_MAX) return r.add(field, `must list at most ${LEARNING_LINKS_MAX}`);
  const out: string[] = [];
  items.forEach((item, i) => {
    const id = r.id(item, `${field}.${i}`);
    if (id !== undefined && !out.includes(id)) out.push(id);
  });
  return out;
}

function text(r: Reader, v: unknown, field: string, max: number, allowEmpty: boolean): string | undefined {
  if (typeof v !== "string") return r.add(field, v === undefined ? "is required" : "must be text");
  const trimmed = v.trim();
  if (!allowEmpty && trimmed === "") return r.add(field, "must not be empty");
  if (trimmed.length > max) return r.add(field, `must be at most ${max} characters`);
  return trimmed;
}

/** Reads a learning item's content, every problem at once, each naming its field under `prefix`. */
export function validateLearningItemContent(input: unknown, prefix = "input"): Result<LearningItemContent, ValidationError> {
  const r = new Reader();
  const o = r.obj(input, prefix) ?? {};
  const at = (name: string) => `${prefix}.${name}`;
  const title = text(r, o.title, at("title"), LEARNING_TITLE_MAX, false);
  const summary = text(r, o.summary, at("summary"), LEARNING_SUMMARY_MAX, true);
  const kind = r.oneOf(o.kind, at("kind"), LEARNING_ITEM_KINDS);
  const audience = r.oneOf(o.audience, at("audience"), AUDIENCES);
  const themes = idList(r, o.themes, at("themes"));
  const engagementIds = idList(r, o.engagementIds, at("engagementIds"));
  const authorityIds = idList(r, o.authorityIds, at("authorityIds"));
  const organisationIds = idList(r, o.organisationIds, at("organisationIds"));
  return r.result(() => ({
    title: title!,
    summary: summary!,
    kind: kind!,
    audience: audience!,
    themes: themes!,
    engagementIds: engagementIds!,
    authorityIds: authorityIds!,
    organisationIds: organisationIds!,
  }));
}

/** The calendar year an item was published in: the library's `year` filter. */
export const publicationYear = (publishedOn: PlainDate): number => Number(publishedOn.slice(0, 4));

/** Who reads the library: the role and region of the token. */
export interface LibraryReader {
  readonly role: Role;
  readonly regionCode: string;
}

/** What a reader may see of one region's library. */
export interface LibraryVisibility {
  readonly states: readonly PublicationState[];
  readonly audiences: readonly Audience[];
  /** Title, summary and highlights; without it only counts and themes. */
  readonly text: boolean;
}

/**
 * Rule 19's reading rights. The region's staff see everything, drafts and withdrawn items
 * included; an authority of the region sees published items written for the region's
 * authorities or the public; a funder counts and themes of those, never text; any reader of
 * another region public items only.
 */
export function libraryVisibility(reader: LibraryReader, region: string): LibraryVisibility {
  const text = reader.role !== "FUNDER";
  if (reader.regionCode !== region) return { states: ["PUBLISHED"], audiences: ["PUBLIC"], text };
  if (reader.role === "REGION_ADMIN" || reader.role === "ADVISER")
    return { states: PUBLICATION_STATES, audiences: AUDIENCES, text };
  return { states: ["PUBLISHED"], audiences: ["REGION_AUTHORITIES", "PUBLIC"], text };
}

export function mayReadLearningItem(visibility: LibraryVisibility, item: { readonly state: PublicationState; readonly audience: Audience }): boolean {
  return visibility.states.includes(item.state) && visibility.audiences.includes(item.audience);
}
