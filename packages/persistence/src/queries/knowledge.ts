import type {
  Audience,
  CaseReviewScope,
  KnowledgeEventKind,
  LearningItemKind,
  PlainDate,
  PublicationState,
  ReachChannel,
  RecommendationStatus,
} from "@adviser-hub/domain";
import { type RawBuilder, sql } from "kysely";
import type { LearningItemRow, ThemeRow } from "../schema.js";
import { inRequestedOrder } from "./by-ids.js";
import type { Queryable } from "./queryable.js";

// Reads of the knowledge hub. Each is one statement filtered by region; what a reader may see
// (states, audiences) and which recommendations are overdue arrive as parameters the domain
// decided, so no rule is restated here.

/** The region's vocabulary, by name. Retired themes included: history uses them. */
export function themesOfRegion(db: Queryable, region: string): Promise<ThemeRow[]> {
  return db.selectFrom("themes").selectAll().where("region_code", "=", region).orderBy("name").orderBy("code").execute();
}

/** Themes of one region by code, in the order asked. */
export async function themesByCodes(db: Queryable, region: string, codes: readonly string[]): Promise<(ThemeRow | undefined)[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom("themes").selectAll().where("region_code", "=", region).where("code", "in", [...codes]).execute();
  return inRequestedOrder(codes, rows, (row) => row.code);
}

/** A learning item as the library shows it, with its theme codes and where it came from. */
export interface LearningItemView {
  readonly regionCode: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly kind: LearningItemKind;
  readonly state: PublicationState;
  readonly audience: Audience;
  readonly publishedOn: PlainDate | null;
  readonly publishedYear: number | null;
  readonly updatedAt: Date;
  readonly version: number;
  readonly themes: readonly string[];
  readonly engagementIds: readonly string[];
  readonly authorityIds: readonly string[];
  readonly organisationIds: readonly string[];
}

/** A learning item's row as itemColumns reads it: its own columns and its links as arrays. */
type ItemRaw = Omit<LearningItemRow, "created_at" | "search"> & {
  themes: string[] | null;
  engagement_ids: string[] | null;
  authority_ids: string[] | null;
  organisation_ids: string[] | null;
};

// The links of an item as JSON arrays in one row: json_agg reads the same on both drivers.
const itemColumns = sql`
  li.region_code, li.id, li.title, li.summary, li.kind, li.state, li.audience, li.published_on, li.published_year,
  li.updated_at, li.version,
  (select json_agg(x.theme_code order by x.theme_code) from learning_item_themes x
    where x.region_code = li.region_code and x.learning_item_id = li.id) as themes,
  (select json_agg(x.engagement_id order by x.engagement_id) from learning_item_engagements x
    where x.region_code = li.region_code and x.learning_item_id = li.id) as engagement_ids,
  (select json_agg(x.authority_id order by x.authority_id) from learning_item_authorities x
    where x.region_code = li.region_code and x.learning_item_id = li.id) as authority_ids,
  (select json_agg(x.organisation_id order by x.organisation_id) from learning_item_organisations x
    where x.region_code = li.region_code and x.learning_item_id = li.id) as organisation_ids`;

/** The links of a learning item, each list in code order. */
export type LearningItemLinks = Pick<LearningItemView, "themes" | "engagementIds" | "authorityIds" | "organisationIds">;

/**
 * The one mapper from a learning item's row and its links to its view: reads use it on the row
 * they select, writes on the row they wrote (so a write's payload needs no read after it).
 */
export function learningItemView(
  row: Pick<ItemRaw, "region_code" | "id" | "title" | "summary" | "kind" | "state" | "audience" | "published_on" | "published_year" | "updated_at" | "version">,
  links: LearningItemLinks,
): LearningItemView {
  return {
    regionCode: row.region_code,
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    state: row.state,
    audience: row.audience,
    publishedOn: row.published_on,
    publishedYear: row.published_year === null ? null : Number(row.published_year),
    updatedAt: row.updated_at,
    version: Number(row.version),
    ...links,
  };
}

function itemView(row: ItemRaw): LearningItemView {
  return learningItemView(row, {
    themes: row.themes ?? [],
    engagementIds: row.engagement_ids ?? [],
    authorityIds: row.authority_ids ?? [],
    organisationIds: row.organisation_ids ?? [],
  });
}

/** Learning items of one region by id, in the order asked, with their links. */
export async function learningItemsByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(LearningItemView | undefined)[]> {
  if (ids.length === 0) return [];
  const rows = await sql<ItemRaw>`select ${itemColumns} from learning_items li
     where li.region_code = ${region} and li.id in (${sql.join([...ids])})`.execute(db);
  return inRequestedOrder(ids, rows.rows.map(itemView), (row) => row.id);
}

export interface LibrarySearch {
  /** websearch_to_tsquery syntax: words, "a phrase", -excluded, or. */
  readonly query?: string | null;
  readonly kinds?: readonly LearningItemKind[] | null;
  readonly theme?: string | null;
  /** GSS code: items from this authority, its organisations or their engagements. */
  readonly authorityId?: string | null;
  /** Calendar year of publication. */
  readonly year?: number | null;
  /** What the reader may see, as the domain decided (libraryVisibility). */
  readonly states: readonly PublicationState[];
  readonly audiences: readonly Audience[];
  /** Highlights only when the reader may read text. */
  readonly highlight: boolean;
}

export interface LibraryHit {
  readonly item: LearningItemView;
  /** ts_rank of the query (0 without one), as PostgreSQL returns it: an ordering, never a quantity. */
  readonly rank: number;
  /** The summary (or title) with the query's words between « and ». Null without a query. */
  readonly highlight: string | null;
}

export interface LibraryPage {
  readonly hits: readonly LibraryHit[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

/** The WHERE of a library search over `learning_items li`, and its parsed query. */
function libraryFilter(region: string, search: LibrarySearch) {
  const text = search.query?.trim() ? search.query.trim() : null;
  const q: RawBuilder<unknown> = text === null ? sql`null::tsquery` : sql`websearch_to_tsquery('english', ${text})`;
  const conditions: RawBuilder<unknown>[] = [
    sql`li.region_code = ${region}`,
    sql`li.state in (${sql.join([...search.states])})`,
    sql`li.audience in (${sql.join([...search.audiences])})`,
  ];
  if (text !== null) conditions.push(sql`li.search @@ ${q}`);
  if (search.kinds && search.kinds.length > 0) conditions.push(sql`li.kind in (${sql.join([...search.kinds])})`);
  if (search.year !== undefined && search.year !== null) conditions.push(sql`li.published_year = ${search.year}`);
  if (search.theme)
    conditions.push(sql`exists (select 1 from learning_item_themes t
      where t.region_code = li.region_code and t.learning_item_id = li.id and t.theme_code = ${search.theme})`);
  if (search.authorityId) {
    const a = search.authorityId;
    conditions.push(sql`(
      exists (select 1 from learning_item_authorities x
               where x.region_code = li.region_code and x.learning_item_id = li.id and x.authority_id = ${a})
      or exists (select 1 from learning_item_organisations x
                   join organisations o on o.region_code = x.region_code and o.id = x.organisation_id
                  where x.region_code = li.region_code and x.learning_item_id = li.id and o.home_authority_id = ${a})
      or exists (select 1 from learning_item_engagements x
                   join engagements e on e.region_code = x.region_code and e.id = x.engagement_id
                   join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
                  where x.region_code = li.region_code and x.learning_item_id = li.id and o.home_authority_id = ${a}))`);
  }
  const where = sql.join(conditions, sql` and `);
  return { text, q, where };
}

/**
 * How many of the items a search finds carry each theme, most first: the library by theme,
 * which is all a funder reads of it. One statement.
 */
export async function libraryThemeCounts(db: Queryable, region: string, search: LibrarySearch): Promise<{ readonly theme: string; readonly count: number }[]> {
  const { where } = libraryFilter(region, search);
  const result = await sql<{ theme: string; count: number }>`
    select t.theme_code as theme, count(*) as count
      from learning_items li
      join learning_item_themes t on t.region_code = li.region_code and t.learning_item_id = li.id
     where ${where}
     group by t.theme_code
     order by count(*) desc, t.theme_code`.execute(db);
  return result.rows.map((r) => ({ theme: r.theme, count: Number(r.count) }));
}

/**
 * One page of a region's library, best match first (ts_rank, then newest publication, then
 * id), with the filter's total, in one statement. Paged by offset: a ranked order has no
 * stable key to page after.
 */
export async function searchLearningItems(
  db: Queryable,
  region: string,
  search: LibrarySearch,
  page: { readonly first: number; readonly offset: number },
): Promise<LibraryPage> {
  const { text, q, where } = libraryFilter(region, search);
  const rank = text === null ? sql`0::real` : sql`ts_rank(li.search, ${q})`;
  const headline =
    text === null || !search.highlight
      ? sql`null::text`
      : sql`ts_headline('english', case when li.summary = '' then li.title else li.summary end, ${q},
              'StartSel=«, StopSel=», MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "')`;
  const result = await sql<ItemRaw & { page_total: number; rank: number | null; highlight: string | null }>`
    with matched as not materialized (
      select li.*, ${rank} as rank from learning_items li where ${where}
    )
    select t.page_total, p.*
      from (select count(*) as page_total from matched) t
      left join lateral (
        select ${itemColumns}, li.rank, ${headline} as highlight
          from (select * from matched
                 order by rank desc, published_on desc nulls last, id
                 limit ${page.first + 1} offset ${page.offset}) li
      ) p on true
     order by p.rank desc, p.published_on desc nulls last, p.id`.execute(db);
  const rows = result.rows.filter((row) => row.id !== null);
  return {
    totalCount: Number(result.rows[0]?.page_total ?? 0),
    hasNextPage: rows.length > page.first,
    hits: rows.slice(0, page.first).map((row) => ({ item: itemView(row), rank: Number(row.rank ?? 0), highlight: row.highlight })),
  };
}

// Case reviews -------------------------------------------------------------------------------

export interface RecommendationView {
  readonly regionCode: string;
  readonly id: string;
  readonly caseReviewId: string;
  readonly caseReviewTitle: string;
  readonly boardOrganisationId: string;
  readonly position: number;
  readonly text: string;
  readonly ownerOrganisationId: string;
  readonly ownerOrganisationName: string;
  /** The owner's home authority: who besides staff may see it. */
  readonly ownerAuthorityId: string | null;
  readonly agreedOn: PlainDate;
  readonly dueOn: PlainDate;
  readonly status: RecommendationStatus;
  readonly evidence: string | null;
  readonly closedOn: PlainDate | null;
  readonly daysToClose: number | null;
}

type RecommendationRaw = {
  region_code: string;
  id: string;
  case_review_id: string;
  case_review_title: string;
  board_organisation_id: string;
  position: number;
  text: string;
  owner_organisation_id: string;
  owner_name: string;
  owner_authority_id: string | null;
  agreed_on: PlainDate;
  due_on: PlainDate;
  status: RecommendationStatus;
  evidence: string | null;
  closed_on: PlainDate | null;
  days_to_close: number | null;
};

const recommendationView = (r: RecommendationRaw): RecommendationView => ({
  regionCode: r.region_code,
  id: r.id,
  caseReviewId: r.case_review_id,
  caseReviewTitle: r.case_review_title,
  boardOrganisationId: r.board_organisation_id,
  position: Number(r.position),
  text: r.text,
  ownerOrganisationId: r.owner_organisation_id,
  ownerOrganisationName: r.owner_name,
  ownerAuthorityId: r.owner_authority_id,
  agreedOn: r.agreed_on,
  dueOn: r.due_on,
  status: r.status,
  evidence: r.evidence,
  closedOn: r.closed_on,
  daysToClose: r.days_to_close === null ? null : Number(r.days_to_close),
});

const recommendationSelect = sql`
  select r.region_code, r.id, r.case_review_id, c.title as case_review_title, c.board_organisation_id, r.position, r.text,
         r.owner_organisation_id, o.name as owner_name, o.home_authority_id as owner_authority_id, r.agreed_on, r.due_on, r.status, r.evidence,
         r.closed_on, r.days_to_close
    from recommendations r
    join case_reviews c on c.region_code = r.region_code and c.id = r.case_review_id
    join organisations o on o.region_code = r.region_code and o.id = r.owner_organisation_id`;

/**
 * Recommendations overdue by the domain's criteria (overdueCriteria), oldest due first, of
 * every owner or, with `ownerAuthorityId`, of organisations in that area.
 */
export async function overdueRecommendations(
  db: Queryable,
  region: string,
  criteria: { readonly statuses: readonly RecommendationStatus[]; readonly dueBefore: PlainDate },
  filter: { readonly ownerAuthorityId?: string | null; readonly boardOrganisationId?: string | null; readonly limit: number },
): Promise<RecommendationView[]> {
  const result = await sql<RecommendationRaw>`${recommendationSelect}
    where r.region_code = ${region} and r.status in (${sql.join([...criteria.statuses])}) and r.due_on < ${criteria.dueBefore}
      ${filter.ownerAuthorityId ? sql`and o.home_authority_id = ${filter.ownerAuthorityId}` : sql``}
      ${filter.boardOrganisationId ? sql`and c.board_organisation_id = ${filter.boardOrganisationId}` : sql``}
    order by r.due_on, r.case_review_id, r.position
    limit ${filter.limit}`.execute(db);
  return result.rows.map(recommendationView);
}

/** Recommendations of case reviews, by review, in their order. */
export async function recommendationsOfCaseReviews(db: Queryable, region: string, reviewIds: readonly string[]): Promise<RecommendationView[][]> {
  if (reviewIds.length === 0) return [];
  const result = await sql<RecommendationRaw>`${recommendationSelect}
    where r.region_code = ${region} and r.case_review_id in (${sql.join([...reviewIds])})
    order by r.case_review_id, r.position`.execute(db);
  const rows = result.rows.map(recommendationView);
  return reviewIds.map((id) => rows.filter((row) => row.caseReviewId === id));
}

export interface CaseReviewView {
  readonly regionCode: string;
  readonly id: string;
  readonly title: string;
  readonly scope: CaseReviewScope;
  readonly boardOrganisationId: string;
  readonly publishedOn: PlainDate;
  readonly learningItemId: string | null;
  readonly engagementIds: readonly string[];
}

/** A region's case reviews, newest first. */
export async function caseReviewsOfRegion(db: Queryable, region: string): Promise<CaseReviewView[]> {
  const result = await sql<{
    region_code: string;
    id: string;
    title: string;
    scope: CaseReviewScope;
    board_organisation_id: string;
    published_on: PlainDate;
    learning_item_id: string | null;
    engagement_ids: string[] | null;
  }>`select c.region_code, c.id, c.title, c.scope, c.board_organisation_id, c.published_on, c.learning_item_id,
            (select json_agg(x.engagement_id order by x.engagement_id) from case_review_engagements x
              where x.region_code = c.region_code and x.case_review_id = c.id) as engagement_ids
       from case_reviews c where c.region_code = ${region}
      order by c.published_on desc, c.id`.execute(db);
  return result.rows.map((r) => ({
    regionCode: r.region_code,
    id: r.id,
    title: r.title,
    scope: r.scope,
    boardOrganisationId: r.board_organisation_id,
    publishedOn: r.published_on,
    learningItemId: r.learning_item_id,
    engagementIds: r.engagement_ids ?? [],
  }));
}

/** Per publishing board: stored statuses counted, overdue ones counted by the criteria, stored days to close. */
export interface BoardRecommendationFigures {
  readonly boardOrganisationId: string;
  readonly boardName: string;
  readonly reviews: number;
  readonly byStatus: Readonly<Record<RecommendationStatus, number>>;
  readonly overdue: number;
  readonly daysToClose: readonly number[];
}

export async function recommendationFiguresByBoard(
  db: Queryable,
  region: string,
  criteria: { readonly statuses: readonly RecommendationStatus[]; readonly dueBefore: PlainDate },
): Promise<BoardRecommendationFigures[]> {
  const result = await sql<{
    board_organisation_id: string;
    board_name: string;
    reviews: number;
    open: number;
    in_progress: number;
    evidenced: number;
    closed: number;
    overdue: number;
    days: number[] | null;
  }>`select c.board_organisation_id, b.name as board_name,
            count(distinct c.id) as reviews,
            count(r.id) filter (where r.status = 'OPEN') as open,
            count(r.id) filter (where r.status = 'IN_PROGRESS') as in_progress,
            count(r.id) filter (where r.status = 'EVIDENCED') as evidenced,
            count(r.id) filter (where r.status = 'CLOSED') as closed,
            count(r.id) filter (where r.status in (${sql.join([...criteria.statuses])}) and r.due_on < ${criteria.dueBefore}) as overdue,
            json_agg(r.days_to_close order by r.days_to_close) filter (where r.days_to_close is not null) as days
       from case_reviews c
       join organisations b on b.region_code = c.region_code and b.id = c.board_organisation_id
       left join recommendations r on r.region_code = c.region_code and r.case_review_id = c.id
      where c.region_code = ${region}
      group by c.board_organisation_id, b.name
      order by c.board_organisation_id`.execute(db);
  return result.rows.map((r) => ({
    boardOrganisationId: r.board_organisation_id,
    boardName: r.board_name,
    reviews: Number(r.reviews),
    byStatus: { OPEN: Number(r.open), IN_PROGRESS: Number(r.in_progress), EVIDENCED: Number(r.evidenced), CLOSED: Number(r.closed) },
    overdue: Number(r.overdue),
    daysToClose: (r.days ?? []).map(Number),
  }));
}

// Events and dissemination -------------------------------------------------------------------

export interface KnowledgeEventView {
  readonly regionCode: string;
  readonly id: string;
  readonly kind: KnowledgeEventKind;
  readonly title: string;
  readonly heldOn: PlainDate;
  readonly themes: readonly string[];
  readonly learningItemIds: readonly string[];
  readonly invitations: readonly { readonly organisationId: string; readonly attended: boolean | null }[];
}

type EventRaw = {
  region_code: string;
  id: string;
  kind: KnowledgeEventKind;
  title: string;
  held_on: PlainDate;
  themes: string[] | null;
  learning_item_ids: string[] | null;
  invitations: { organisation_id: string; attended: boolean | null }[] | null;
};

const eventSelect = sql`
  select ev.region_code, ev.id, ev.kind, ev.title, ev.held_on,
    (select json_agg(x.theme_code order by x.theme_code) from knowledge_event_themes x
      where x.region_code = ev.region_code and x.event_id = ev.id) as themes,
    (select json_agg(x.learning_item_id order by x.learning_item_id) from knowledge_event_learning_items x
      where x.region_code = ev.region_code and x.event_id = ev.id) as learning_item_ids,
    (select json_agg(json_build_object('organisation_id', x.organisation_id, 'attended', x.attended) order by x.organisation_id)
       from knowledge_event_invitations x where x.region_code = ev.region_code and x.event_id = ev.id) as invitations
    from knowledge_events ev`;

const eventView = (r: EventRaw): KnowledgeEventView => ({
  regionCode: r.region_code,
  id: r.id,
  kind: r.kind,
  title: r.title,
  heldOn: r.held_on,
  themes: r.themes ?? [],
  learningItemIds: r.learning_item_ids ?? [],
  invitations: (r.invitations ?? []).map((i) => ({ organisationId: i.organisation_id, attended: i.attended })),
});

/** A region's events, newest first. */
export async function knowledgeEventsOfRegion(db: Queryable, region: string): Promise<KnowledgeEventView[]> {
  const result = await sql<EventRaw>`${eventSelect} where ev.region_code = ${region} order by ev.held_on desc, ev.id`.execute(db);
  return result.rows.map(eventView);
}

/** Events of one region by id, in the order asked. */
export async function knowledgeEventsByIds(db: Queryable, region: string, ids: readonly string[]): Promise<(KnowledgeEventView | undefined)[]> {
  if (ids.length === 0) return [];
  const result = await sql<EventRaw>`${eventSelect} where ev.region_code = ${region} and ev.id in (${sql.join([...ids])})`.execute(db);
  return inRequestedOrder(ids, result.rows.map(eventView), (row) => row.id);
}

/**
 * The stored facts that carried a learning item, or a theme, to an area: an attended event
 * (linked to the item, or on the theme) by an organisation of the area, and an engagement
 * (the item came from it, or it carries the theme) with work delivered for an organisation of
 * the area. One row
 * per authority and channel, with the region's authorities, in one statement.
 */
export async function disseminationFacts(
  db: Queryable,
  region: string,
  subject: { readonly learningItemId: string } | { readonly themeCode: string },
): Promise<{ readonly authorities: readonly string[]; readonly facts: readonly { readonly authorityId: string; readonly channel: ReachChannel }[] }> {
  const events =
    "learningItemId" in subject
      ? sql`select ev.event_id from knowledge_event_learning_items ev where ev.region_code = ${region} and ev.learning_item_id = ${subject.learningItemId}`
      : sql`select ev.event_id from knowledge_event_themes ev where ev.region_code = ${region} and ev.theme_code = ${subject.themeCode}`;
  const engagements =
    "learningItemId" in subject
      ? sql`select x.engagement_id as id from learning_item_engagements x where x.region_code = ${region} and x.learning_item_id = ${subject.learningItemId}`
      : sql`select e.id from engagements e where e.region_code = ${region} and ${subject.themeCode} = any(e.themes)`;
  const result = await sql<{ authority_id: string; channel: ReachChannel | null }>`
    with reach as (
      select distinct o.home_authority_id as authority_id, 'EVENT' as channel
        from knowledge_event_invitations i
        join organisations o on o.region_code = i.region_code and o.id = i.organisation_id
       where i.region_code = ${region} and i.attended and i.event_id in (${events}) and o.home_authority_id is not null
      union
      select distinct o.home_authority_id, 'ENGAGEMENT'
        from engagements e
        join organisations o on o.region_code = e.region_code and o.id = e.organisation_id
       where e.region_code = ${region} and e.id in (${engagements}) and o.home_authority_id is not null
         and exists (select 1 from deliveries d where d.region_code = e.region_code and d.engagement_id = e.id)
    )
    select a.id as authority_id, r.channel
      from authorities a left join reach r on r.authority_id = a.id
     where a.region_code = ${region}
     order by a.id, r.channel`.execute(db);
  const authorities = [...new Set(result.rows.map((r) => r.authority_id))];
  const facts = result.rows.flatMap((r) => (r.channel === null ? [] : [{ authorityId: r.authority_id, channel: r.channel }]));
  return { authorities, facts };
}
