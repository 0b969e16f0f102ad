import type { BankHoliday } from "../policy/region-policy.js";
import { err, ok, type Result, validationError, type ValidationError } from "../result.js";
import { Reader } from "../validation/field-reader.js";
import { isPlainDate } from "./plain-date.js";

/** The divisions of the public GOV.UK bank-holidays layout, each a top-level key. */
export const GOV_UK_DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type GovUkDivision = (typeof GOV_UK_DIVISIONS)[number];

export const isGovUkDivision = (value: unknown): value is GovUkDivision =>
  typeof value === "string" && (GOV_UK_DIVISIONS as readonly string[]).includes(value);

/** One event as GOV.UK publishes it. */
export interface GovUkBankHolidayEvent {
  readonly title: string;
  readonly date: string;
  readonly notes: string;
  readonly bunting: boolean;
}

/** The public layout: `{ "england-and-wales": { division, events: [...] }, "scotland": ..., ... }`. */
export type GovUkBankHolidays = Partial<Record<GovUkDivision, { readonly division: string; readonly events: readonly GovUkBankHolidayEvent[] }>>;

/**
 * Reads one division of a document in the GOV.UK bank-holidays layout into a policy's bank
 * holidays, in date order. Every problem is reported with its path in the document
 * (`england-and-wales.events[3].date`); other divisions are not read. An event's notes
 * ("Substitute day") are kept in its name.
 */
export function parseGovUkBankHolidays(json: unknown, division: GovUkDivision): Result<BankHoliday[], ValidationError> {
  const r = new Reader();
  const document = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (!document) return err(validationError({ field: division, message: "is required: the document is an object keyed by division" }));
  const block = r.obj(document[division], division);
  if (!block) return err(validationError(r.issues));
  r.unknownKeys(block, division, ["division", "events"]);
  if (block.division !== division) r.add(`${division}.division`, `must be "${division}"`);
  const events = r.arr(block.events, `${division}.events`) ?? [];
  const out: BankHoliday[] = [];
  const seen = new Set<string>();
  events.forEach((entry, i) => {
    const path = `${division}.events[${i}]`;
    const e = r.obj(entry, path);
    if (!e) return;
    r.unknownKeys(e, path, ["title", "date", "notes", "bunting"]);
    const title = r.str(e.title, `${path}.title`);
    const date = isPlainDate(e.date) ? e.date : r.add(`${path}.date`, "must be a date YYYY-MM-DD");
    const notes = typeof e.notes === "string" ? e.notes.trim() : r.add(`${path}.notes`, "must be a string (empty when none)");
    r.bool(e.bunting, `${path}.bunting`);
    if (date !== undefined && seen.has(date)) r.add(`${path}.date`, "repeats an earlier event's date");
    if (date !== undefined) seen.add(date);
    if (title === undefined || date === undefined || notes === undefined) return;
    out.push({ date, name: notes === "" ? title : `${title} (${notes})` });
  });
  if (r.issues.length > 0) return err(validationError(r.issues));
  return ok(out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}
