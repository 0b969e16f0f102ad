import { NotFoundError, ValidationError, type ValidationIssue } from "../errors/index.js";

const within = (field: string): string => (field.startsWith("input.") || field === "input" ? field : `input.${field}`);

/**
 * Use cases name the fields of their own input (`days`, `strands.PROJECT_SUPPORT.consumesQuota`);
 * a client sends them inside the mutation's `input` argument, so the API names them from there
 * (`input.days`), the same path a refused scalar value names. Called by the errors plugin for
 * every union member it answers (only mutations answer unions, each with one `input`), so no
 * resolver can forget it. In place: the plugin picks the union member by the error object's
 * identity.
 */
export function inInput(value: unknown): unknown {
  if (value instanceof ValidationError) {
    const renamed = value as { field: string; issues: readonly ValidationIssue[] };
    renamed.field = within(value.field);
    renamed.issues = value.issues.map((issue) => ({ field: within(issue.field), message: issue.message }));
  } else if (value instanceof NotFoundError && value.field) {
    (value as { field: string }).field = within(value.field);
  }
  return value;
}
