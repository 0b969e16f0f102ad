import { type Kysely, sql } from "kysely";

// Concurrent salary shares of one adviser may not exceed 1.0. The initial trigger took an
// advisory lock and then read the sum: under READ COMMITTED the second writer waits, and its
// next statement sees the first one's row. Under REPEATABLE READ or SERIALIZABLE it reads with
// the snapshot its transaction began with, so after waiting it still misses the first row, and
// two 0.40 shares on 0.25 both pass (1.05). A lock alone (advisory or SELECT ... FOR UPDATE)
// cannot help a snapshot that is already taken.
//
// So the trigger writes the adviser's row (an update that changes nothing) before reading the
// sum. Two writers of one adviser then serialize on that row: under READ COMMITTED the second
// waits and its sum sees the first's share; under REPEATABLE READ and SERIALIZABLE the second
// fails with a serialization failure (40001) once the first commits, and withTransaction runs
// it again on a fresh snapshot, where the sum is right. Only a non-key column is written, so
// foreign key checks on the adviser (KEY SHARE) are not blocked. Forward only.

const statements = [
  `create or replace function host_arrangements_share_total_check() returns trigger
  language plpgsql as $$
  declare
    total bigint;
  begin
    update advisers a set fte_bp = a.fte_bp
     where a.region_code = new.region_code and a.id = new.adviser_id;
    select coalesce(sum(h.salary_share_bp), 0) into total
      from host_arrangements h
     where h.region_code = new.region_code
       and h.adviser_id = new.adviser_id
       and h.id <> new.id
       and h.starts_on <= coalesce(new.ends_on, 'infinity'::date)
       and coalesce(h.ends_on, 'infinity'::date) >= new.starts_on;
    if total + new.salary_share_bp > 10000 then
      raise exception 'salary shares of adviser % would exceed 10000 basis points', new.adviser_id
        using errcode = 'check_violation',
              constraint = 'host_arrangements_share_total',
              table = 'host_arrangements',
              column = 'salary_share_bp';
    end if;
    return new;
  end
  $$`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
