import { builder } from "../builder.js";
import {
  CapacityExceededError,
  type ErrorCode,
  type ExpectedError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from "../errors/index.js";

export const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Stable codes of expected failures; clients may switch on them.",
  values: {
    VALIDATION: { description: "Input refused; the error names the field." },
    NOT_FOUND: { description: "The thing named does not exist in the viewer's region or is not visible." },
    FORBIDDEN: { description: "The viewer's role, region, authority or funder does not allow it." },
    CAPACITY_EXCEEDED: { description: "A confirmed booking would exceed an adviser's bookable days." },
    INVALID_TRANSITION: { description: "The lifecycle (of an engagement, a learning item's publication or a recommendation) does not allow this change." },
    IMPORT_REJECTED: { description: "A region import was refused; the error lists every problem by file, row and column." },
  } satisfies Record<ErrorCode, unknown>,
});

/** Shared by every expected failure so clients can select `... on Error { code message }`. */
export const ErrorInterface = builder.interfaceRef<ExpectedError>("Error").implement({
  description: "An expected failure returned as data, with a stable code and a readable message.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, description: "Stable machine-readable code.", resolve: (error) => error.code }),
    message: t.exposeString("message", { description: "What went wrong, for people." }),
  }),
});

const ValidationIssueRef = builder.objectRef<ValidationIssue>("ValidationIssue").implement({
  description: "One problem with one input field.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The argument or input field at fault, as a dotted path (input.days)." }),
    message: t.exposeString("message", { description: "What is wrong with it, for people." }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "Input was refused. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString("field", { description: "The argument or input field at fault, as a dotted path (input.days): the first issue's." }),
    issues: t.field({
      type: [ValidationIssueRef],
      description: "Every problem found, the first repeating `field` and `message`.",
      resolve: (error) => error.issues,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "A referenced object does not exist in the viewer's region. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString("entity", { description: "The kind of object looked for (Engagement, Adviser...)." }),
    id: t.exposeString("id", { description: "The id that was looked for, as given." }),
    field: t.exposeString("field", { nullable: true, description: "The input field that held the id." }),
  }),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The viewer may not do this. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(CapacityExceededError, {
  name: "CapacityExceededError",
  description: "A confirmed booking would take an adviser's week past its bookable days. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    adviserId: t.exposeString("adviserId", { description: "The adviser's id." }),
    weekStart: t.field({ type: "Date", description: "Monday of the week.", resolve: (e) => e.weekStart }),
    bookable: t.field({
      type: "Days",
      description: "Bookable days of that week.",
      resolve: (e) => ({ units: e.bookableUnits, unitsPerDay: e.unitsPerDay }),
    }),
    alreadyBooked: t.field({
      type: "Days",
      description: "Days already confirmed on capacity-held strands that week.",
      resolve: (e) => ({ units: e.alreadyBookedUnits, unitsPerDay: e.unitsPerDay }),
    }),
    requested: t.field({
      type: "Days",
      description: "Days this booking asked for.",
      resolve: (e) => ({ units: e.requestedUnits, unitsPerDay: e.unitsPerDay }),
    }),
  }),
});

builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  description: "The engagement lifecycle does not allow this change. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.exposeString("from", { description: "The engagement's current status." }),
    to: t.exposeString("to", { description: "The status asked for." }),
  }),
});

/**
 * The errors every mutation may answer: an id argument that is malformed or of another region
 * (read by the gateway itself), a role the domain's table refuses, and whatever its use case
 * returns. Each mutation adds only the members its use case's Result can hold.
 */
export const baseMutationErrors = [ValidationError, NotFoundError, ForbiddenError] as const;
