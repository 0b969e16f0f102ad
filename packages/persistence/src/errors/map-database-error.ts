import { CONSTRAINT_MEANINGS, FOREIGN_KEY_TARGETS, TABLE_ENTITIES } from "./constraint-catalogue.js";
import type { NotFoundError, ValidationError } from "./domain-errors.js";

/** The fields both `pg` and PGlite put on a PostgreSQL error. */
interface PostgresErrorFields {
  readonly code: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly detail?: string;
}

/** SQLSTATEs after which running the whole transaction again can succeed. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(["40001", "40P01"]);

export function postgresErrorFields(error: unknown): PostgresErrorFields | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return error as PostgresErrorFields;
}

export function isRetryable(error: unknown): boolean {
  const fields = postgresErrorFields(error);
  return fields !== undefined && RETRYABLE_SQLSTATES.has(fields.code);
}

/**
 * Turns a PostgreSQL error that means "bad input" into the domain's typed error naming the
 * field, or returns undefined when the error is not the caller's fault (a bug, an outage, a
 * conflict). Messages are written here: the driver's text never reaches a caller.
 */
export function mapDatabaseError(error: unknown): ValidationError | NotFoundError | undefined {
  const fields = postgresErrorFields(error);
  if (!fields) return undefined;
  const { code, constraint } = fields;

  // Integrity constraint violations.
  if (code === "23503" && constraint) return foreignKeyError(constraint, fields);
  if ((code === "23505" || code === "23514" || code === "23P01") && constraint) {
    const meaning = CONSTRAINT_MEANINGS[constraint];
    if (meaning) return validation(meaning.field, meaning.message);
    if (constraint.endsWith("_pkey")) {
      const entity = entityOf(fields.table ?? constraint.slice(0, -"_pkey".length));
      return validation("id", `a${/^[aeiou]/.test(entity) ? "n" : ""} ${entity} with this id already exists`);
    }
    return validation(fieldFromConstraint(constraint, fields.table), "is not allowed");
  }
  if (code === "23502") {
    return validation(camelCase(fields.column ?? "value"), "is required");
  }
  // Data exceptions: a value PostgreSQL cannot hold or read (bad date, number out of range).
  if (code.startsWith("22")) {
    return validation(fields.column ? camelCase(fields.column) : "input", dataExceptionMessage(code));
  }
  return undefined;
}

function foreignKeyError(constraint: string, fields: PostgresErrorFields): NotFoundError {
  const known = FOREIGN_KEY_TARGETS[constraint];
  const column = fieldFromConstraint(constraint.replace(/_fkey$/, ""), fields.table);
  const entity = known?.entity ?? column.replace(/Id$/, "").replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  const field = known?.field ?? (column === "region" ? "regionCode" : `${column}Id`);
  const id = referencedId(fields.detail);
  // Deleting a row others still refer to reports the same code, with the detail "is still
  // referenced": that is the row being kept, not a missing one.
  if (fields.detail?.includes("is still referenced")) {
    return {
      code: "NOT_FOUND",
      entity,
      id,
      field,
      message: `${entity} ${id} is still referred to and cannot be removed`,
    };
  }
  return { code: "NOT_FOUND", entity, id, field, message: `${entity} ${id} not found` };
}

/** `deliveries_engagement` with table `deliveries` -> `engagement`. */
function fieldFromConstraint(constraint: string, table: string | undefined): string {
  const prefix = table && constraint.startsWith(`${table}_`) ? `${table}_` : tablePrefix(constraint);
  return camelCase(constraint.slice(prefix.length));
}

function tablePrefix(constraint: string): string {
  const tables = Object.keys(TABLE_ENTITIES).sort((a, b) => b.length - a.length);
  const table = tables.find((name) => constraint.startsWith(`${name}_`));
  return table ? `${table}_` : "";
}

function entityOf(table: string): string {
  return TABLE_ENTITIES[table] ?? table.replaceAll("_", " ");
}

/** The last value in a detail such as `Key (region_code, engagement_id)=(london, eng-9) ...`. */
function referencedId(detail: string | undefined): string {
  const values = detail?.match(/\)=\((.*)\)/)?.[1];
  if (!values) return "";
  return values.split(", ").at(-1) ?? "";
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function dataExceptionMessage(code: string): string {
  switch (code) {
    case "22003":
      return "is out of range";
    case "22007":
    case "22008":
      return "is not a valid date or time";
    case "22P02":
      return "is not in a valid format";
    case "22001":
      return "is too long";
    default:
      return "is not a valid value";
  }
}

function validation(field: string, message: string): ValidationError {
  return { code: "VALIDATION", field, message, issues: [{ field, message }] };
}
