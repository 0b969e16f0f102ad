import { CompiledQuery, type Kysely, sql } from "kysely";

/**
 * The role the application's sessions run as, created by the migrations
 * (2026-12-02-0009-application-role): SELECT, INSERT, UPDATE and DELETE on the application's
 * tables and nothing else, so no TRUNCATE, no ownership (no ALTER, no DISABLE TRIGGER) and no
 * superuser (no `session_replication_role = replica` to skip the freeze triggers).
 *
 * NOLOGIN, entered with SET ROLE by the session that connected (the owner, or a login role
 * granted membership of it): one DATABASE_URL serves the migrator and the application, and no
 * second password has to be kept. The connecting user must be a member of it.
 */
export const APP_ROLE = "adviser_hub_app";

// The session remembers which role it is meant to run as, so runAsOwner can return it there.
const INTENDED_ROLE_SETTING = "adviser_hub.app_role";

/**
 * Makes the session's current role `role` once the migrations have granted that role this
 * database's tables. Before that (an empty database, or one migrated only part way, while the
 * role may already exist for another database of the same server: roles are cluster-wide) the
 * session stays the owner, which the migrations need anyway, until runAsOwner has migrated it.
 */
export async function enterAppRole(session: SessionRunner, role: string): Promise<void> {
  await session.executeQuery(CompiledQuery.raw("select set_config($1, $2, false)", [INTENDED_ROLE_SETTING, role]));
  await session.executeQuery(
    CompiledQuery.raw(
      `select set_config('role', r.rolname::text, false)
         from pg_roles r
        where r.rolname = $1
          and exists (select 1 from pg_class c
                       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                         and has_table_privilege(r.oid, c.oid, 'SELECT'))`,
      [role],
    ),
  );
}

/** A Kysely instance or one of its connections: both run a compiled query. */
export interface SessionRunner {
  executeQuery(query: CompiledQuery): Promise<unknown>;
}

/**
 * Runs `fn` on one session as the owner (the user that connected), with no statement timeout
 * (an index build on a large table may run for minutes), then returns the session to the
 * application role it is meant to run as (which may only exist now, after the first
 * migration). Migrations and ANALYZE (owner-only maintenance) run through this; nothing else
 * should.
 */
export async function runAsOwner<DB, T>(db: Kysely<DB>, fn: (owner: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (session) => {
    const { rows } = await sql<{ role: string | null }>`
      select nullif(current_setting(${INTENDED_ROLE_SETTING}, true), '') as role`.execute(session);
    const appRole = rows[0]?.role ?? null;
    const restore = async () => {
      await sql`reset statement_timeout`.execute(session);
      if (appRole) await enterAppRole(session, appRole);
    };
    await sql`set role none`.execute(session);
    await sql`set statement_timeout = 0`.execute(session);
    let result: T;
    try {
      result = await fn(session);
    } catch (error) {
      // The session may be gone (that may be why fn failed): fn's error is the one to report.
      await restore().catch(() => undefined);
      throw error;
    }
    await restore();
    return result;
  });
}
