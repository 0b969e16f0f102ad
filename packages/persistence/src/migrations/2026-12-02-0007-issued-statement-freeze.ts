import { type Kysely, sql } from "kysely";

// Rule 6 again: an issued statement is never rewritten. The initial migration refused UPDATE
// and DELETE; a new line INSERTed into an issued statement, an adjustment moved onto one, and
// a TRUNCATE (which fires no row trigger) still went through. Forward only.
//
// The statement is issued in the same transaction that writes its lines and carried
// adjustments (the statement row first, issued_at set): a row written by the current
// transaction has xmin equal to its id, so that transaction may still add to it; any later one
// may not. The statement row is locked FOR SHARE whatever its state, so a line racing the
// transaction that issues a draft waits for it and then sees it issued (or, above READ
// COMMITTED, fails to serialize and is retried).

const statements = [
  `create function statement_frozen_for_write(p_region text, p_statement text) returns boolean
  language plpgsql as $$
  declare
    frozen boolean;
  begin
    select s.issued_at is not null and s.xmin <> pg_current_xact_id()::xid into frozen
      from statements s
     where s.region_code = p_region and s.id = p_statement
       for share;
    return coalesce(frozen, false);
  end
  $$`,
  `create function statement_lines_refuse_new_line_on_issued() returns trigger
  language plpgsql as $$
  begin
    if statement_frozen_for_write(new.region_code, new.statement_id) then
      raise exception 'issued statement % cannot take a new line', new.statement_id
        using errcode = 'check_violation', constraint = 'statement_lines_issued_frozen', table = 'statement_lines';
    end if;
    return new;
  end
  $$`,
  `create trigger statement_lines_issued_frozen_insert
    before insert on statement_lines
    for each row execute function statement_lines_refuse_new_line_on_issued()`,

  // An adjustment carried by an issued statement (applied_statement_id) is part of what was
  // billed: it may not be added to, moved onto, changed on or taken off a frozen statement.
  // An adjustment AGAINST an issued statement (the correction still pending) is ordinary.
  `create function adjustments_refuse_issued_change() returns trigger
  language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') and old.applied_statement_id is not null and exists (
         select 1 from statements s
          where s.region_code = old.region_code and s.id = old.applied_statement_id
            and s.issued_at is not null and s.xmin <> pg_current_xact_id()::xid) then
      raise exception 'adjustment % is carried by an issued statement', old.id
        using errcode = 'check_violation', constraint = 'adjustments_issued_frozen', table = 'adjustments';
    end if;
    if tg_op = 'DELETE' then
      return old;
    end if;
    if new.applied_statement_id is not null and statement_frozen_for_write(new.region_code, new.applied_statement_id) then
      raise exception 'issued statement % cannot carry a new adjustment', new.applied_statement_id
        using errcode = 'check_violation', constraint = 'adjustments_issued_frozen', table = 'adjustments';
    end if;
    return new;
  end
  $$`,
  `create trigger adjustments_issued_frozen
    before insert or update or delete on adjustments
    for each row execute function adjustments_refuse_issued_change()`,

  // TRUNCATE fires no row trigger; a statement trigger refuses it for the tables whose rows
  // are never removed. The constraint name is the rule it would break.
  `create function refuse_truncate() returns trigger
  language plpgsql as $$
  begin
    raise exception '% is never truncated', tg_table_name
      using errcode = 'check_violation', constraint = tg_argv[0], table = tg_table_name;
  end
  $$`,
  `create trigger statements_no_truncate before truncate on statements
    for each statement execute function refuse_truncate('statements_issued_frozen')`,
  `create trigger statement_lines_no_truncate before truncate on statement_lines
    for each statement execute function refuse_truncate('statement_lines_issued_frozen')`,
  `create trigger adjustments_no_truncate before truncate on adjustments
    for each statement execute function refuse_truncate('adjustments_issued_frozen')`,
  `create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_truncate('audit_log_append_only')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
