import { type Kysely, sql } from "kysely";

// The application runs as a least-privilege role, not as the owner that migrates: it can read
// and write rows, and nothing else. No TRUNCATE, no ALTER or DISABLE TRIGGER (it owns
// nothing), not a superuser, so `session_replication_role = replica` is refused and the freeze
// and rule triggers always fire. NOLOGIN: the connecting user enters it with SET ROLE
// (openDatabase does, migrateToLatest leaves it), so one DATABASE_URL serves both.
//
// Roles belong to the whole server, not to one database: several databases on one server (the
// tests' template and its copies, other installations) share it. So it is created only when
// missing, and a concurrent creator winning the race is not an error. Grants are per database,
// and default privileges give the role the same rights on tables and sequences later
// migrations create (they run as this same owner). The name is fixed here, not imported: a
// migration never imports application code. Forward only.

const ROLE = "adviser_hub_app";

const statements = [
  `do $$
  begin
    if not exists (select 1 from pg_roles where rolname = '${ROLE}') then
      begin
        create role ${ROLE} nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
  end
  $$`,
  // The connecting user must be able to SET ROLE to it. A superuser always can; another owner
  // (a managed service's admin user) needs the membership, granted once here.
  `do $$
  begin
    if not (select rolsuper from pg_roles where rolname = current_user)
       and not pg_has_role(current_user, '${ROLE}', 'MEMBER') then
      execute format('grant ${ROLE} to %I', current_user);
    end if;
  end
  $$`,
  `revoke all on all tables in schema public from ${ROLE}`,
  `grant usage on schema public to ${ROLE}`,
  `grant select, insert, update, delete on all tables in schema public to ${ROLE}`,
  // The migration bookkeeping is the migrator's: the application may only read it (readiness).
  `revoke insert, update, delete on kysely_migration, kysely_migration_lock from ${ROLE}`,
  `grant usage, select on all sequences in schema public to ${ROLE}`,
  `alter default privileges in schema public grant select, insert, update, delete on tables to ${ROLE}`,
  `alter default privileges in schema public grant usage, select on sequences to ${ROLE}`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
