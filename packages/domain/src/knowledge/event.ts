import type { PlainDate } from "../calendar/plain-date.js";
import { ok, type Result, type ValidationError } from "../result.js";
import { Reader } from "../validation/field-reader.js";

/** Rule 21. The hub's events: briefings for elected members, legal training, boards' development days, network meetings. */
export const KNOWLEDGE_EVENT_KINDS = ["MEMBER_BRIEFING", "LEGAL_TRAINING", "DEVELOPMENT_DAY", "NETWORK_MEETING"] as const;
export type KnowledgeEventKind = (typeof KNOWLEDGE_EVENT_KINDS)[number];

export const EVENT_INVITATIONS_MAX = 200;

export interface KnowledgeEventContent {
  readonly kind: KnowledgeEventKind;
  readonly title: string;
  readonly heldOn: PlainDate;
  readonly themes: readonly string[];
  readonly invitedOrganisationIds: readonly string[];
  readonly learningItemIds: readonly string[];
}

function ids(r: Reader, v: unknown, field: string, max: number): string[] {
  const out: string[] = [];
  if (v === undefined || v === null) return out;
  const list = r.arr(v, field) ?? [];
  if (list.length > max) r.add(field, `must list at most ${max}`);
  list.forEach((item, i) => {
    const id = r.id(item, `${field}.${i}`);
    if (id !== undefined && !out.includes(id)) out.push(id);
  });
  return out;
}

export function validateKnowledgeEventContent(input: unknown, prefix = "input"): Result<KnowledgeEventContent, ValidationError> {
  const r = new Reader();
  const o = r.obj(input, prefix) ?? {};
  const at = (name: string) => `${prefix}.${name}`;
  const kind = r.oneOf(o.kind, at("kind"), KNOWLEDGE_EVENT_KINDS);
  const title = r.str(o.title, at("title"));
  if (title !== undefined && title.trim().length > 200) r.add(at("title"), "must be at most 200 characters");
  const heldOn = r.date(o.heldOn, at("heldOn"));
  const themes = ids(r, o.themes, at("themes"), 50);
  const invited = ids(r, o.invitedOrganisationIds, at("invitedOrganisationIds"), EVENT_INVITATIONS_MAX);
  const learningItemIds = ids(r, o.learningItemIds, at("learningItemIds"), 50);
  return r.result(() => ({
    kind: kind!,
    title: title!.trim(),
    heldOn: heldOn!,
    themes,
    invitedOrganisationIds: invited,
    learningItemIds,
  }));
}

/** How an authority was reached: an organisation of its area attended an event, or had an engagement. */
export type ReachChannel = "EVENT" | "ENGAGEMENT";

export interface AuthorityReach {
  readonly authorityId: string;
  readonly channels: readonly ReachChannel[];
}

export interface Dissemination {
  readonly reached: readonly AuthorityReach[];
  readonly notReached: readonly string[];
}

/**
 * Which of the region's authorities a piece of learning reached. `facts` are the stored
 * attendances and engagements that carried it, one per authority and channel (an authority
 * outside `authorities` is ignored: a region-wide body reaches no one area).
 */
export function dissemination(
  authorities: readonly string[],
  facts: readonly { readonly authorityId: string; readonly channel: ReachChannel }[],
): Dissemination {
  const channels = new Map<string, Set<ReachChannel>>();
  for (const fact of facts) {
    const set = channels.get(fact.authorityId) ?? new Set<ReachChannel>();
    set.add(fact.channel);
    channels.set(fact.authorityId, set);
  }
  const order: readonly ReachChannel[] = ["EVENT", "ENGAGEMENT"];
  const reached: AuthorityReach[] = [];
  const notReached: string[] = [];
  for (const authorityId of [...new Set(authorities)].sort()) {
    const set = channels.get(authorityId);
    if (set) reached.push({ authorityId, channels: order.filter((c) => set.has(c)) });
    else notReached.push(authorityId);
  }
  return { reached, notReached };
}

/** An attendance as recorded: the organisation must have been invited. */
export function checkAttendance(
  invited: readonly string[],
  attendance: readonly { readonly organisationId: unknown; readonly attended: unknown }[],
  prefix = "input.attendance",
): Result<readonly { readonly organisationId: string; readonly attended: boolean }[], ValidationError> {
  const r = new Reader();
  const out: { organisationId: string; attended: boolean }[] = [];
  const seen = new Set<string>();
  attendance.forEach((a, i) => {
    const id = r.id(a?.organisationId, `${prefix}.${i}.organisationId`);
    const attended = r.bool(a?.attended, `${prefix}.${i}.attended`);
    if (id === undefined || attended === undefined) return;
    if (!invited.includes(id)) r.add(`${prefix}.${i}.organisationId`, `${id} was not invited`);
    else if (seen.has(id)) r.add(`${prefix}.${i}.organisationId`, `${id} is listed twice`);
    else {
      seen.add(id);
      out.push({ organisationId: id, attended });
    }
  });
  if (r.issues.length > 0) return r.result(() => out);
  return ok(out);
}
