import {
  type FieldIssue,
  type RegionPolicy,
  type Result,
  type ValidationError,
  validateAdviserInput,
  validateAdviserLeaveInput,
  validateAuthorityInput,
  validateFunderContributionInput,
  validateFunderInput,
  validateHostArrangementInput,
  validateOrganisationInput,
  validateOrganisationRateInput,
  validateStatisticalNeighboursInput,
} from "@adviser-hub/domain";
import type { Database, RegionSnapshot } from "@adviser-hub/persistence";
import type { Transaction } from "kysely";
import type { CommandActor } from "../actor.js";
import type { SaveOptions } from "../administration/save-support.js";
import { saveAdviserLeave } from "../save-adviser-leave.js";
import { saveAdviser } from "../save-adviser.js";
import { saveAuthority } from "../save-authority.js";
import { saveFunderContribution } from "../save-funder-contribution.js";
import { saveFunder } from "../save-funder.js";
import { saveHostArrangement } from "../save-host-arrangement.js";
import { saveOrganisationRate } from "../save-organisation-rate.js";
import { saveOrganisation } from "../save-organisation.js";
import { saveStatisticalNeighbours } from "../save-statistical-neighbours.js";
import { type CsvFile, type CsvRow, type ImportIssue, columnOfField, integerCell, optionalCell } from "./import-files.js";

/*
 * Each row of a file as its save's input, validated by the domain (the same validator the
 * save runs) and compared with the stored row of its natural key: created, updated or
 * unchanged. Only created and updated rows are saved, so an import of what is stored writes
 * nothing, audit rows included.
 */

/** A save's refusal as the import reads it: a field, or a list of them. */
export type Refusal = { readonly code: string; readonly message: string; readonly field?: string; readonly issues?: readonly FieldIssue[] };
type Save = (trx: Transaction<Database>, actor: CommandActor, options: SaveOptions) => Promise<Result<unknown, Refusal>>;

export interface PlannedRow {
  readonly change: "created" | "updated" | "unchanged";
  readonly save: Save;
  /** The file row a refused field of this input comes from. */
  readonly rowOf: (field: string) => number;
  readonly columnOf: (field: string) => string;
}

interface Plan<V> {
  readonly key: (v: V) => string;
  /** The stored row of the key, compared with the value: null when there is none. */
  readonly same: (v: V) => boolean | null;
  readonly save: (v: unknown) => Save;
}

const sameRow = <V>(stored: V | undefined, equal: (s: V) => boolean): boolean | null => (stored === undefined ? null : equal(stored));

/** Reads every row of a file into planned saves; rows the domain refuses add issues and plan nothing. */
export function planRows(file: CsvFile, rows: readonly CsvRow[], policy: RegionPolicy, stored: RegionSnapshot, issues: ImportIssue[]): PlannedRow[] {
  if (file === "neighbours.csv") return planNeighbours(rows, stored, issues);
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const plan = planOf(file, cells, policy, stored);
    if (!plan.ok) {
      for (const e of plan.issues) issues.push({ file, row, column: columnOfField(e.field), message: e.message });
      continue;
    }
    const key = plan.key;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ file, row, column: null, message: `repeats the key of row ${earlier} (${key})` });
      continue;
    }
    seen.set(key, row);
    const same = plan.same;
    planned.push({
      change: same === null ? "created" : same ? "unchanged" : "updated",
      save: plan.save,
      rowOf: () => row,
      columnOf: columnOfField,
    });
  }
  return planned;
}

type Evaluated =
  | { readonly ok: true; readonly key: string; readonly same: boolean | null; readonly save: Save }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

function planOf(file: Exclude<CsvFile, "neighbours.csv">, c: Readonly<Record<string, string>>, policy: RegionPolicy, s: RegionSnapshot): Evaluated {
  // Each case pairs the domain's validator with its natural key, the stored row's comparison and the save.
  const plan = <I, V>(input: I, valid: Result<V, ValidationError>, p: Plan<V>): Evaluated =>
    valid.ok ? { ok: true, key: p.key(valid.value), same: p.same(valid.value), save: p.save(input) } : { ok: false, issues: valid.error.issues };
  switch (file) {
    case "authorities.csv": {
      const input = { gssCode: c.gss_code, name: c.name };
      return plan(input, validateAuthorityInput(input, ""), {
        key: (v) => v.gssCode,
        same: (v) => sameRow(s.authorities.find((r) => r.id === v.gssCode), (r) => r.name === v.name),
        save: (i) => (trx, actor, o) => saveAuthority(trx, actor, i as typeof input, o),
      });
    }
    case "organisations.csv": {
      const input = { id: c.id, name: c.name, kind: c.kind, homeAuthorityId: optionalCell(c.home_authority_id), closedOn: optionalCell(c.closed_on) };
      return plan(input, validateOrganisationInput(input, ""), {
        key: (v) => v.id,
        same: (v) =>
          sameRow(
            s.organisations.find((r) => r.id === v.id),
            (r) => r.name === v.name && r.kind === v.kind && r.home_authority_id === v.homeAuthorityId && r.closed_on === v.closedOn,
          ),
        save: (i) => (trx, actor, o) => saveOrganisation(trx, actor, i as typeof input, o),
      });
    }
    case "rates.csv": {
      const input = { organisationId: c.organisation_id, year: integerCell(c.year), dayRatePence: integerCell(c.day_rate_pence) };
      return plan(input, validateOrganisationRateInput(input, ""), {
        key: (v) => `${v.organisationId} ${v.year}`,
        same: (v) => {
          const r = s.rates.find((x) => x.organisation_id === v.organisationId && x.financial_year === v.year);
          // Removing a rate that is not there changes nothing.
          if (v.dayRatePence === null) return r === undefined ? true : false;
          return sameRow(r, (x) => x.day_rate_pence === v.dayRatePence);
        },
        save: (i) => (trx, actor, o) => saveOrganisationRate(trx, actor, i as typeof input, o),
      });
    }
    case "advisers.csv": {
      const input = { id: c.id, name: c.name, fte: c.fte, employedFrom: c.employed_from, employedTo: optionalCell(c.employed_to) };
      return plan(input, validateAdviserInput(input, ""), {
        key: (v) => v.id,
        same: (v) =>
          sameRow(
            s.advisers.find((r) => r.id === v.id),
            (r) => r.name === v.name && r.fte_bp === v.fteBp && r.employed_from === v.employedFrom && r.employed_to === v.employedTo,
          ),
        save: (i) => (trx, actor, o) => saveAdviser(trx, actor, i as typeof input, o),
      });
    }
    case "leave.csv": {
      const input = { adviserId: c.adviser_id, startDate: c.start_date, endDate: optionalCell(c.end_date), days: c.days, reason: optionalCell(c.reason) };
      return plan(input, validateAdviserLeaveInput(policy, input, ""), {
        key: (v) => `${v.adviserId} ${v.startDate}`,
        same: (v) => {
          const inRange = s.leave.filter((r) => r.adviser_id === v.adviserId && r.leave_on >= v.startDate && r.leave_on <= v.endDate);
          const wanted = v.unitsPerDay === 0 ? [] : v.dates;
          const equal =
            inRange.length === wanted.length &&
            wanted.every((d) => inRange.some((r) => r.leave_on === d && r.units === v.unitsPerDay && r.reason === v.reason));
          // Leave is stored per day, with no row for the range itself: a range already stored is unchanged, any other is created.
          return equal ? true : inRange.length === 0 ? null : false;
        },
        save: (i) => (trx, actor, o) => saveAdviserLeave(trx, actor, i as typeof input, o),
      });
    }
    case "host-arrangements.csv": {
      const input = {
        id: c.id,
        adviserId: c.adviser_id,
        authorityId: c.authority_id,
        startDate: c.start_date,
        endDate: optionalCell(c.end_date),
        salaryShare: c.salary_share,
        commitmentDaysPerWeek: c.commitment_days_per_week,
      };
      return plan(input, validateHostArrangementInput(policy, input, ""), {
        key: (v) => v.id,
        same: (v) =>
          sameRow(
            s.hostArrangements.find((r) => r.id === v.id),
            (r) =>
              r.adviser_id === v.adviserId &&
              r.authority_id === v.authorityId &&
              r.starts_on === v.startDate &&
              r.ends_on === v.endDate &&
              r.salary_share_bp === v.salaryShareBp &&
              r.commitment_units_per_week === v.commitmentUnitsPerWeek,
          ),
        save: (i) => (trx, actor, o) => saveHostArrangement(trx, actor, i as typeof input, o),
      });
    }
    case "funders.csv": {
      const input = { id: c.id, name: c.name };
      return plan(input, validateFunderInput(input, ""), {
        key: (v) => v.id,
        same: (v) => sameRow(s.funders.find((r) => r.id === v.id), (r) => r.name === v.name),
        save: (i) => (trx, actor, o) => saveFunder(trx, actor, i as typeof input, o),
      });
    }
    case "contributions.csv": {
      const input = { funderId: c.funder_id, year: integerCell(c.year), amountPence: integerCell(c.amount_pence) };
      return plan(input, validateFunderContributionInput(input, ""), {
        key: (v) => `${v.funderId} ${v.year}`,
        same: (v) =>
          sameRow(s.contributions.find((r) => r.funder_id === v.funderId && r.financial_year === v.year), (r) => r.amount_pence === v.amountPence),
        save: (i) => (trx, actor, o) => saveFunderContribution(trx, actor, i as typeof input, o),
      });
    }
  }
}

/** neighbours.csv: one row per (authority, neighbour, rank); each authority's rows become its list, nearest first. */
function planNeighbours(rows: readonly CsvRow[], stored: RegionSnapshot, issues: ImportIssue[]): PlannedRow[] {
  const file = "neighbours.csv";
  const lists = new Map<string, { rank: number; neighbour: string; row: number }[]>();
  for (const { row, cells } of rows) {
    const rank = integerCell(cells.rank);
    if (typeof rank !== "number" || rank < 1 || rank > 1000) {
      issues.push({ file, row, column: "rank", message: "must be a whole number from 1 (the nearest)" });
      continue;
    }
    const authority = cells.authority_id ?? "";
    const list = lists.get(authority) ?? [];
    const clash = list.find((e) => e.rank === rank);
    if (clash) issues.push({ file, row, column: "rank", message: `repeats rank ${rank} of row ${clash.row} for ${authority}` });
    list.push({ rank, neighbour: cells.neighbour_id ?? "", row });
    lists.set(authority, list);
  }
  const planned: PlannedRow[] = [];
  for (const [authorityId, list] of lists) {
    list.sort((a, b) => a.rank - b.rank);
    const input = { authorityId: authorityId === "" ? undefined : authorityId, neighbourIds: list.map((e) => e.neighbour) };
    const rowOf = (field: string) => {
      const index = /^neighbourIds\[(\d+)\]/.exec(field)?.[1];
      return list[index === undefined ? 0 : Number(index)]?.row ?? list[0]!.row;
    };
    const columnOf = (field: string) => (field.startsWith("neighbourIds") ? "neighbour_id" : columnOfField(field));
    const valid = validateStatisticalNeighboursInput(input, "");
    if (!valid.ok) {
      for (const e of valid.error.issues) issues.push({ file, row: rowOf(e.field), column: columnOf(e.field), message: e.message });
      continue;
    }
    const current = stored.neighbours.filter((r) => r.authority_id === authorityId).map((r) => r.neighbour_id);
    const same = current.length === 0 ? null : current.join(" ") === valid.value.neighbourIds.join(" ");
    planned.push({
      change: same === null ? "created" : same ? "unchanged" : "updated",
      save: (trx, actor, o) => saveStatisticalNeighbours(trx, actor, input, o),
      rowOf,
      columnOf,
    });
  }
  return planned;
}
