import { type Kysely, sql } from "kysely";

// The knowledge hub: a region's theme vocabulary, its learning library, case reviews with
// their recommendations, and events (briefings, training, development days) with attendance.
//
// Themes: engagements already carry `themes text[]` of free text. Those strings become the
// vocabulary's codes, unchanged, so every stored engagement and every `theme:` filter keeps
// working; a theme's `name` is its display label, which a rename changes while the code (and
// so every engagement and learning item that uses it) stays put. A retired theme stays for the
// history that used it but takes no new learning item. An engagement written later with a
// theme the vocabulary lacks registers it (trigger below), so the vocabulary is always the
// whole set of themes in use; learning items, events and recommendations reference themes by
// foreign key.
//
// Search: a stored, generated tsvector over title (weight A) and summary (weight B) with a GIN
// index; the English configuration is named explicitly so the expression is immutable and the
// same on the embedded database and the server.
//
// Free text in these tables (titles, summaries, evidence notes) is never child-level personal
// data (rule 17): the API says so where it is written.
//
// Every table is region-keyed and so gets the three region data version triggers of 0010.
// The kinds, states and statuses are the domain's; a migration never imports the domain, so
// they are listed here once, frozen. Forward only.

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

const LEARNING_KINDS = ["GOOD_PRACTICE", "CASE_REVIEW_LEARNING", "THEMATIC_BRIEFING", "INSPECTION_LEARNING", "GUIDANCE"];
const PUBLICATION_STATES = ["DRAFT", "PUBLISHED", "WITHDRAWN"];
const AUDIENCES = ["REGION_STAFF", "REGION_AUTHORITIES", "PUBLIC"];
const REVIEW_SCOPES = ["LOCAL", "NATIONAL"];
const RECOMMENDATION_STATUSES = ["OPEN", "IN_PROGRESS", "EVIDENCED", "CLOSED"];
const EVENT_KINDS = ["MEMBER_BRIEFING", "LEGAL_TRAINING", "DEVELOPMENT_DAY", "NETWORK_MEETING"];

const tables = [
  `create table themes (
    region_code text not null,
    code text not null,
    name text not null,
    retired_at timestamptz,
    created_at timestamptz not null default now(),
    constraint themes_pkey primary key (region_code, code),
    constraint themes_region_fkey foreign key (region_code) references regions (region_code),
    constraint themes_code_present check (length(trim(code)) > 0 and length(code) <= 80),
    constraint themes_name_present check (length(trim(name)) > 0 and length(name) <= 80)
  )`,
  "create unique index themes_name_unique on themes (region_code, lower(name))",

  `create table learning_items (
    region_code text not null,
    id text not null,
    title text not null,
    summary text not null,
    kind text not null,
    state text not null,
    audience text not null,
    published_on date,
    published_year integer,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1,
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B')
    ) stored,
    constraint learning_items_pkey primary key (region_code, id),
    constraint learning_items_region_fkey foreign key (region_code) references regions (region_code),
    constraint learning_items_title_present check (length(trim(title)) > 0 and length(title) <= 200),
    constraint learning_items_summary_length check (length(summary) <= 4000),
    constraint learning_items_kind_known check (kind in (${list(LEARNING_KINDS)})),
    constraint learning_items_state_known check (state in (${list(PUBLICATION_STATES)})),
    constraint learning_items_audience_known check (audience in (${list(AUDIENCES)})),
    -- A draft has never been published; a published or withdrawn item has its date and year.
    constraint learning_items_publication_dated check (
      (state = 'DRAFT') = (published_on is null) and (published_on is null) = (published_year is null)
    )
  )`,
  "create index learning_items_search on learning_items using gin (search)",
  "create index learning_items_region_year on learning_items (region_code, published_year)",
  `create table learning_item_themes (
    region_code text not null,
    learning_item_id text not null,
    theme_code text not null,
    constraint learning_item_themes_pkey primary key (region_code, learning_item_id, theme_code),
    constraint learning_item_themes_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id) on delete cascade,
    constraint learning_item_themes_theme_fkey foreign key (region_code, theme_code)
      references themes (region_code, code) on update cascade
  )`,
  "create index learning_item_themes_theme on learning_item_themes (region_code, theme_code)",
  `create table learning_item_engagements (
    region_code text not null,
    learning_item_id text not null,
    engagement_id text not null,
    constraint learning_item_engagements_pkey primary key (region_code, learning_item_id, engagement_id),
    constraint learning_item_engagements_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id) on delete cascade,
    constraint learning_item_engagements_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id)
  )`,
  `create table learning_item_authorities (
    region_code text not null,
    learning_item_id text not null,
    authority_id text not null,
    constraint learning_item_authorities_pkey primary key (region_code, learning_item_id, authority_id),
    constraint learning_item_authorities_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id) on delete cascade,
    constraint learning_item_authorities_authority_fkey foreign key (region_code, authority_id)
      references authorities (region_code, id)
  )`,
  "create index learning_item_authorities_authority on learning_item_authorities (region_code, authority_id)",
  `create table learning_item_organisations (
    region_code text not null,
    learning_item_id text not null,
    organisation_id text not null,
    constraint learning_item_organisations_pkey primary key (region_code, learning_item_id, organisation_id),
    constraint learning_item_organisations_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id) on delete cascade,
    constraint learning_item_organisations_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id)
  )`,

  // Case reviews ------------------------------------------------------------------------------
  `create table case_reviews (
    region_code text not null,
    id text not null,
    title text not null,
    scope text not null,
    board_organisation_id text not null,
    published_on date not null,
    learning_item_id text,
    created_at timestamptz not null,
    constraint case_reviews_pkey primary key (region_code, id),
    constraint case_reviews_region_fkey foreign key (region_code) references regions (region_code),
    constraint case_reviews_board_fkey foreign key (region_code, board_organisation_id)
      references organisations (region_code, id),
    constraint case_reviews_learning_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id),
    constraint case_reviews_title_present check (length(trim(title)) > 0 and length(title) <= 200),
    constraint case_reviews_scope_known check (scope in (${list(REVIEW_SCOPES)}))
  )`,
  `create table case_review_engagements (
    region_code text not null,
    case_review_id text not null,
    engagement_id text not null,
    constraint case_review_engagements_pkey primary key (region_code, case_review_id, engagement_id),
    constraint case_review_engagements_review_fkey foreign key (region_code, case_review_id)
      references case_reviews (region_code, id),
    constraint case_review_engagements_engagement_fkey foreign key (region_code, engagement_id)
      references engagements (region_code, id)
  )`,
  // days_to_close is decided by the domain when the recommendation is closed and stored with
  // it, so the report's median reads stored facts.
  `create table recommendations (
    region_code text not null,
    id text not null,
    case_review_id text not null,
    position integer not null,
    text text not null,
    owner_organisation_id text not null,
    agreed_on date not null,
    due_on date not null,
    status text not null,
    evidence text,
    closed_on date,
    days_to_close integer,
    version integer not null default 1,
    updated_at timestamptz not null,
    constraint recommendations_pkey primary key (region_code, id),
    constraint recommendations_position_unique unique (region_code, case_review_id, position),
    constraint recommendations_review_fkey foreign key (region_code, case_review_id)
      references case_reviews (region_code, id),
    constraint recommendations_owner_fkey foreign key (region_code, owner_organisation_id)
      references organisations (region_code, id),
    constraint recommendations_text_present check (length(trim(text)) > 0 and length(text) <= 2000),
    constraint recommendations_status_known check (status in (${list(RECOMMENDATION_STATUSES)})),
    constraint recommendations_due_after_agreed check (due_on >= agreed_on),
    constraint recommendations_closed_dated check (
      (status = 'CLOSED') = (closed_on is not null) and (closed_on is null) = (days_to_close is null)
    ),
    constraint recommendations_closed_after_agreed check (closed_on is null or closed_on >= agreed_on)
  )`,
  "create index recommendations_review on recommendations (region_code, case_review_id)",
  "create index recommendations_due on recommendations (region_code, due_on) where status in ('OPEN', 'IN_PROGRESS')",

  // Events ------------------------------------------------------------------------------------
  `create table knowledge_events (
    region_code text not null,
    id text not null,
    kind text not null,
    title text not null,
    held_on date not null,
    created_at timestamptz not null,
    constraint knowledge_events_pkey primary key (region_code, id),
    constraint knowledge_events_region_fkey foreign key (region_code) references regions (region_code),
    constraint knowledge_events_title_present check (length(trim(title)) > 0 and length(title) <= 200),
    constraint knowledge_events_kind_known check (kind in (${list(EVENT_KINDS)}))
  )`,
  `create table knowledge_event_themes (
    region_code text not null,
    event_id text not null,
    theme_code text not null,
    constraint knowledge_event_themes_pkey primary key (region_code, event_id, theme_code),
    constraint knowledge_event_themes_event_fkey foreign key (region_code, event_id)
      references knowledge_events (region_code, id),
    constraint knowledge_event_themes_theme_fkey foreign key (region_code, theme_code)
      references themes (region_code, code) on update cascade
  )`,
  `create table knowledge_event_learning_items (
    region_code text not null,
    event_id text not null,
    learning_item_id text not null,
    constraint knowledge_event_learning_items_pkey primary key (region_code, event_id, learning_item_id),
    constraint knowledge_event_learning_items_event_fkey foreign key (region_code, event_id)
      references knowledge_events (region_code, id),
    constraint knowledge_event_learning_items_item_fkey foreign key (region_code, learning_item_id)
      references learning_items (region_code, id)
  )`,
  // One row per invited organisation; attended is null until attendance is recorded.
  `create table knowledge_event_invitations (
    region_code text not null,
    event_id text not null,
    organisation_id text not null,
    attended boolean,
    constraint knowledge_event_invitations_pkey primary key (region_code, event_id, organisation_id),
    constraint knowledge_event_invitations_event_fkey foreign key (region_code, event_id)
      references knowledge_events (region_code, id),
    constraint knowledge_event_invitations_organisation_fkey foreign key (region_code, organisation_id)
      references organisations (region_code, id)
  )`,
];

const NEW_TABLES = [
  "themes",
  "learning_items",
  "learning_item_themes",
  "learning_item_engagements",
  "learning_item_authorities",
  "learning_item_organisations",
  "case_reviews",
  "case_review_engagements",
  "recommendations",
  "knowledge_events",
  "knowledge_event_themes",
  "knowledge_event_learning_items",
  "knowledge_event_invitations",
];

const vocabulary = [
  // Every theme engagements use today, as it is written. A theme is as old as the first
  // engagement that asked for it: a fact of the data, not of when the migration ran. Two codes
  // that differ only in letter case keep both codes; the later one's name gets " (2)" so that
  // names stay unique in any case.
  `insert into themes (region_code, code, name, created_at)
   select region_code, code,
          case when rn = 1 then code else left(code, 70) || ' (' || rn || ')' end,
          first_used
     from (select e.region_code, t.code, min(e.requested_at) as first_used,
                  row_number() over (partition by e.region_code, lower(t.code) order by min(e.requested_at), t.code) as rn
             from engagements e cross join lateral unnest(e.themes) as t(code)
            where length(trim(t.code)) > 0 and length(t.code) <= 80
            group by e.region_code, t.code) used
   on conflict do nothing`,
  // An engagement written later with a theme the vocabulary lacks registers it, named as the
  // backfill names it.
  `create function register_engagement_themes() returns trigger
   language plpgsql as $$
   declare
     new_code text;
     label text;
     n integer;
   begin
     for new_code in
       select distinct t.code from unnest(new.themes) as t(code)
        where length(trim(t.code)) > 0 and length(t.code) <= 80
          and not exists (select 1 from themes h where h.region_code = new.region_code and h.code = t.code)
     loop
       n := 1;
       label := new_code;
       while exists (select 1 from themes h where h.region_code = new.region_code and lower(h.name) = lower(label)) loop
         n := n + 1;
         label := left(new_code, 70) || ' (' || n || ')';
       end loop;
       insert into themes (region_code, code, name, created_at)
       values (new.region_code, new_code, label, new.requested_at)
       on conflict do nothing;
     end loop;
     return new;
   end
   $$`,
  `create trigger engagements_register_themes before insert or update of themes on engagements
     for each row execute function register_engagement_themes()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...tables, ...vocabulary]) {
    await sql.raw(statement).execute(db);
  }
  for (const table of NEW_TABLES) {
    for (const [event, transition] of [
      ["insert", "new"],
      ["update", "new"],
      ["delete", "old"],
    ] as const) {
      await sql
        .raw(
          `create trigger region_data_version_${event} after ${event} on "${table}"
             referencing ${transition} table as changed
             for each statement execute function bump_region_data_version()`,
        )
        .execute(db);
    }
  }
}
