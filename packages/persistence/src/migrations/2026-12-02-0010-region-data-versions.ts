import { type Kysely, sql } from "kysely";

// A counter per region that every committed write of the region moves on, so a reader can
// tell whether anything it computed from the region's rows may have changed. Reports cache
// their results behind it (never behind a time to live, which would serve stale money).
//
// Statement-level triggers on every region-keyed table bump it once per statement, and once
// per transaction: `bumped_by` names the transaction that last bumped, so a second statement
// of the same transaction leaves the row alone. The update is visible only when the
// transaction commits, together with the rows it changed; a reader that reads the counter
// before the rows therefore never caches rows older than the counter it saw. Two writers of
// one region queue on the counter row from their first write to their commit (the write paths
// already take their holder and adviser locks before writing). Every base table with a
// region_code gets the three triggers; a region-keyed table added by a later migration must
// create the same three. Forward only.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create table region_data_versions (
      region_code text not null,
      version bigint not null,
      bumped_by bigint not null,
      constraint region_data_versions_pkey primary key (region_code),
      constraint region_data_versions_region_fkey foreign key (region_code)
        references regions (region_code) on delete cascade,
      constraint region_data_versions_version_positive check (version > 0)
    )`)
    .execute(db);
  await sql
    .raw(`create function bump_region_data_version() returns trigger
    language plpgsql as $$
    begin
      insert into region_data_versions as v (region_code, version, bumped_by)
      select distinct c.region_code, 1, txid_current() from changed c
       order by c.region_code
      on conflict (region_code) do update
        set version = v.version + 1, bumped_by = excluded.bumped_by
        where v.bumped_by <> excluded.bumped_by;
      return null;
    end
    $$`)
    .execute(db);
  const existing = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and c.column_name = 'region_code'
       and t.table_type = 'BASE TABLE' and c.table_name <> 'region_data_versions'
     order by c.table_name`.execute(db);
  for (const { table_name: table } of existing.rows) {
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
