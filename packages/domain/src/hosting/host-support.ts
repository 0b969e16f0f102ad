import type { PlainDate } from "../calendar/plain-date.js";
import { invalid, ok, type Result, type ValidationError } from "../result.js";
import { type HostArrangement, isArrangementActive } from "./host-arrangement.js";

/** What a HOST_SUPPORT delivery must satisfy. */
export interface HostSupportCheck {
  readonly adviserId: string;
  readonly date: PlainDate;
  readonly organisationHomeAuthorityId: string | null;
  /** The delivering adviser's arrangements. */
  readonly arrangements: readonly HostArrangement[];
}

/**
 * Rule 7: host support is only for organisations in the area of an authority that hosts the
 * delivering adviser on that date. Returns the arrangement it counts against.
 */
export function checkHostSupport(input: HostSupportCheck): Result<HostArrangement, ValidationError> {
  const home = input.organisationHomeAuthorityId;
  if (home === null)
    return invalid("organisationId", "host support is only for organisations in a host authority's area; this one is region-wide");
  const withHost = input.arrangements.filter((a) => a.adviserId === input.adviserId && a.authorityId === home);
  if (withHost.length === 0)
    return invalid("organisationId", "host support is only for organisations in the area of an authority that hosts the adviser");
  const active = withHost.find((a) => isArrangementActive(a, input.date));
  if (!active) return invalid("date", "is outside the adviser's host arrangement with this authority");
  return ok(active);
}
