import { type Kysely, sql } from "kysely";

// The database allows exactly what the domain allows. The domain's validators were tightened
// (a day rate is whole pence from 1 to MAX_DAY_RATE_PENCE, a day count from 1 unit to
// MAX_DELIVERY_UNITS, a salary share from 1 to 10000 bp), and these CHECKs still took values the
// domain refuses: a zero negotiated rate, a zero estimate, a zero salary share, deliveries and
// bookings of any size, an agreed rate above the bound. Each is replaced by the domain's range.
// The bounds are written out, not imported: a migration is frozen at the rules it was written
// against (the tests compare them with the domain's constants).
//
// Rows that already break a bound are refused, not fixed: none of these values has one meaning
// every reader agreed on (unlike migration 0004's agreed rate of 0, which all read as none), so
// the migration fails naming each table, column and count, and changes nothing until an operator
// has corrected them. Forward only.

const MAX_DAY_RATE_PENCE = 100_000_000;
const MAX_DELIVERY_UNITS = 1_000_000;
const BASIS_POINTS_ONE = 10_000;

interface Bound {
  readonly table: string;
  readonly column: string;
  /** The constraint this replaces, if any. */
  readonly replaces: string | null;
  readonly name: string;
  /** The CHECK's condition: true or null passes, as in PostgreSQL. */
  readonly check: string;
  readonly rule: string;
}

const DOMAIN_BOUNDS: readonly Bound[] = [
  {
    table: "organisation_rates",
    column: "day_rate_pence",
    replaces: "organisation_rates_day_rate_not_negative",
    name: "organisation_rates_day_rate_range",
    check: `day_rate_pence between 1 and ${MAX_DAY_RATE_PENCE}`,
    rule: `1..${MAX_DAY_RATE_PENCE} pence`,
  },
  {
    table: "engagements",
    column: "agreed_rate_pence",
    replaces: "engagements_agreed_rate_positive",
    name: "engagements_agreed_rate_range",
    check: `agreed_rate_pence is null or agreed_rate_pence between 1 and ${MAX_DAY_RATE_PENCE}`,
    rule: `null or 1..${MAX_DAY_RATE_PENCE} pence`,
  },
  {
    table: "engagements",
    column: "estimate_units",
    replaces: "engagements_estimate_not_negative",
    name: "engagements_estimate_range",
    check: `estimate_units between 1 and ${MAX_DELIVERY_UNITS}`,
    rule: `1..${MAX_DELIVERY_UNITS} units`,
  },
  {
    table: "host_arrangements",
    column: "salary_share_bp",
    replaces: "host_arrangements_salary_share_range",
    name: "host_arrangements_salary_share_range",
    check: `salary_share_bp between 1 and ${BASIS_POINTS_ONE}`,
    rule: `1..${BASIS_POINTS_ONE} basis points`,
  },
  {
    table: "deliveries",
    column: "units",
    replaces: "deliveries_units_positive",
    name: "deliveries_units_range",
    check: `units between 1 and ${MAX_DELIVERY_UNITS}`,
    rule: `1..${MAX_DELIVERY_UNITS} units`,
  },
  {
    table: "bookings",
    column: "units",
    replaces: "bookings_units_positive",
    name: "bookings_units_range",
    check: `units between 1 and ${MAX_DELIVERY_UNITS}`,
    rule: `1..${MAX_DELIVERY_UNITS} units`,
  },
  // The stored allocation prices chargeable units at a domain day rate; 0 (nothing chargeable)
  // stays allowed by deliveries_allocation_priced, so only the upper bound is new here.
  {
    table: "deliveries",
    column: "day_rate_pence",
    replaces: null,
    name: "deliveries_allocation_rate_bounded",
    check: `day_rate_pence <= ${MAX_DAY_RATE_PENCE}`,
    rule: `at most ${MAX_DAY_RATE_PENCE} pence`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const broken: string[] = [];
  for (const bound of DOMAIN_BOUNDS) {
    // A CHECK refuses only a false condition (null passes), so count exactly those rows.
    const { rows } = await sql<{ n: string | number }>`
      select count(*) as n from ${sql.table(bound.table)} where (${sql.raw(bound.check)}) is false`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) broken.push(`${bound.table}.${bound.column} outside ${bound.rule}: ${n} row${n === 1 ? "" : "s"}`);
  }
  if (broken.length > 0) {
    throw new Error(
      `existing rows break the domain's bounds; correct them and migrate again (nothing was changed): ${broken.join("; ")}`,
    );
  }
  for (const bound of DOMAIN_BOUNDS) {
    if (bound.replaces !== null) await sql.raw(`alter table ${bound.table} drop constraint ${bound.replaces}`).execute(db);
    await sql.raw(`alter table ${bound.table} add constraint ${bound.name} check (${bound.check})`).execute(db);
  }
}
