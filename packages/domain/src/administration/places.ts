import type { PlainDate } from "../calendar/plain-date.js";
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from "../entities/organisation.js";
import type { Pence } from "../quantities/money.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";
import { EntityReader } from "./entity-input.js";

/*
 * The region's places and clients as an administrator enters them (rule 16): authorities with
 * their child population by year (rule 12's denominator), organisations, negotiated day rates
 * (rule 5) and statistical neighbours. Each validator reads untyped input, names every bad field
 * under `path`, and is the one check a mutation and an import row share.
 */

/** A GSS code: E (England), W, S or N and eight digits. */
export const GSS_CODE = /^[EWSN][0-9]{8}$/;
/** Statistical neighbour lists are published with 10 authorities; room for longer local lists. */
export const MAX_STATISTICAL_NEIGHBOURS = 20;

export interface AuthorityInput {
  readonly gssCode: unknown;
  readonly name: unknown;
  /** Children aged 0-17 by year; absent or null keeps what is stored. */
  readonly childPopulation?: readonly { readonly year: unknown; readonly population: unknown }[] | null;
}

export interface ValidAuthority {
  readonly gssCode: string;
  readonly name: string;
  /** Null: leave the stored figures as they are. */
  readonly childPopulation: readonly { readonly year: number; readonly population: number }[] | null;
}

export function validateAuthorityInput(input: AuthorityInput, path = "input"): Result<ValidAuthority, ValidationError> {
  const c = new EntityReader(path);
  const gssCode = c.str(input?.gssCode, c.at("gssCode"), GSS_CODE, "must be a GSS code: E, W, S or N and eight digits");
  const name = c.name(input?.name);
  let childPopulation: { year: number; population: number }[] | null = null;
  if (input?.childPopulation !== undefined && input.childPopulation !== null) {
    const rows = c.arr(input.childPopulation, c.at("childPopulation")) ?? [];
    childPopulation = [];
    const years = new Set<number>();
    rows.forEach((row, i) => {
      const at = `childPopulation[${i}]`;
      const item = c.obj(row, c.at(at));
      if (!item) return;
      const year = c.year(item.year, `${at}.year`);
      const population = c.int(item.population, c.at(`${at}.population`), 1, 100_000_000);
      if (year !== undefined && years.has(year)) c.add(c.at(`${at}.year`), "is given twice");
      if (year !== undefined) years.add(year);
      if (year !== undefined && population !== undefined) childPopulation?.push({ year, population });
    });
  }
  return c.result(() => ({ gssCode: gssCode!, name: name!, childPopulation }));
}

export interface OrganisationInput {
  readonly id: unknown;
  readonly name: unknown;
  readonly kind: unknown;
  /** The home authority's GSS code; null for a region-wide body (always its own quota holder). */
  readonly homeAuthorityId?: unknown;
  /** The last day it is a client; null while open. Setting it ends the organisation. */
  readonly closedOn?: unknown;
}

export interface ValidOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly homeAuthorityId: string | null;
  readonly closedOn: PlainDate | null;
}

export function validateOrganisationInput(input: OrganisationInput, path = "input"): Result<ValidOrganisation, ValidationError> {
  const c = new EntityReader(path);
  const id = c.code(input?.id, "id");
  const name = c.name(input?.name);
  const kind = c.oneOf(input?.kind, c.at("kind"), ORGANISATION_KINDS);
  const home = input?.homeAuthorityId ?? null;
  const homeAuthorityId = home === null ? null : c.str(home, c.at("homeAuthorityId"), GSS_CODE, "must be a GSS code, or null for a region-wide body");
  const closedOn = c.optionalDate(input?.closedOn, c.at("closedOn"));
  return c.result(() => ({ id: id!, name: name!, kind: kind!, homeAuthorityId: homeAuthorityId ?? null, closedOn: closedOn ?? null }));
}

/**
 * Rule 3: an organisation's deliveries are allocated to its quota holder, which its home
 * authority decides. Moving an organisation that already has deliveries to another area would
 * silently move free days and charges between holders, so it is refused; a new organisation
 * for the new area keeps both histories true.
 */
export function checkOrganisationMove(
  stored: Pick<Organisation, "homeAuthorityId"> | null,
  next: ValidOrganisation,
  lastDeliveryOn: PlainDate | null,
  path = "input",
): Result<ValidOrganisation, ValidationError> {
  const at = (field: string) => (path === "" ? field : `${path}.${field}`);
  if (stored !== null && lastDeliveryOn !== null && stored.homeAuthorityId !== next.homeAuthorityId)
    return invalid(at("homeAuthorityId"), "cannot change once the organisation has deliveries: they are allocated to its present quota holder");
  // Closing keeps history true: no recorded work may fall after the last day of the client.
  if (next.closedOn !== null && lastDeliveryOn !== null && lastDeliveryOn > next.closedOn)
    return invalid(at("closedOn"), `must not be before its last delivery (${lastDeliveryOn})`);
  return ok(next);
}

/** New work is only for an open client: a request starting after its closing day is refused. */
export function checkOrganisationOpen(
  organisation: Pick<Organisation, "closedOn">,
  startDate: PlainDate,
  field = "organisationId",
): Result<PlainDate, ValidationError> {
  const closedOn = organisation.closedOn ?? null;
  if (closedOn !== null && startDate > closedOn) return invalid(field, `the organisation closed on ${closedOn}`);
  return ok(startDate);
}

export interface OrganisationRateInput {
  readonly organisationId: unknown;
  readonly year: unknown;
  /** Whole pence; null removes the negotiated rate (the region's default applies again). */
  readonly dayRatePence: unknown;
}

export interface ValidOrganisationRate {
  readonly organisationId: string;
  readonly year: number;
  readonly dayRatePence: Pence | null;
}

export function validateOrganisationRateInput(input: OrganisationRateInput, path = "input"): Result<ValidOrganisationRate, ValidationError> {
  const c = new EntityReader(path);
  const organisationId = c.code(input?.organisationId, "organisationId");
  const year = c.year(input?.year, "year");
  const rate = c.optionalDayRate(input?.dayRatePence, c.at("dayRatePence"));
  return c.result(() => ({ organisationId: organisationId!, year: year!, dayRatePence: rate ?? null }));
}

export interface StatisticalNeighboursInput {
  readonly authorityId: unknown;
  /** Nearest first; replaces the authority's list. Empty clears it. */
  readonly neighbourIds: unknown;
}

export interface ValidStatisticalNeighbours {
  readonly authorityId: string;
  /** Nearest first: rank is the index plus one. */
  readonly neighbourIds: readonly string[];
}

export function validateStatisticalNeighboursInput(
  input: StatisticalNeighboursInput,
  path = "input",
): Result<ValidStatisticalNeighbours, ValidationError> {
  const c = new EntityReader(path);
  const authorityId = c.str(input?.authorityId, c.at("authorityId"), GSS_CODE, "must be a GSS code");
  const list = c.arr(input?.neighbourIds, c.at("neighbourIds")) ?? [];
  if (list.length > MAX_STATISTICAL_NEIGHBOURS) c.add(c.at("neighbourIds"), `must list at most ${MAX_STATISTICAL_NEIGHBOURS} authorities`);
  const seen = new Set<string>();
  const neighbourIds: string[] = [];
  list.forEach((v, i) => {
    const field = `neighbourIds[${i}]`;
    const id = c.str(v, c.at(field), GSS_CODE, "must be a GSS code");
    if (id === undefined) return;
    if (id === authorityId) c.add(c.at(field), "an authority is not its own neighbour");
    else if (seen.has(id)) c.add(c.at(field), "is listed twice");
    seen.add(id);
    neighbourIds.push(id);
  });
  return c.result(() => ({ authorityId: authorityId!, neighbourIds }));
}
