import { type FieldIssue, type RegionPolicy, type Result, err, parseRegionPolicy, validationError, type ValidationError } from "@adviser-hub/domain";

/**
 * Reads a policy given as an argument: the domain's parseRegionPolicy is the one validator, and
 * its field paths come back under `policy.` (policy.strands.PROJECT_SUPPORT.consumesQuota,
 * policy.bankHolidays[3].date). The policy's code and name are the region's: a caller may leave
 * them out; a code that names another region is refused.
 */
export function parsePolicyArgument(
  policy: unknown,
  region: { readonly code: string; readonly name: string },
  extraIssues: readonly FieldIssue[] = [],
): Result<RegionPolicy, ValidationError> {
  const issues: FieldIssue[] = [...extraIssues];
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) {
    issues.push({ field: "policy", message: policy === undefined ? "is required" : "must be an object" });
    return err(validationError(issues));
  }
  const given = policy as Record<string, unknown>;
  if (given.code !== undefined && given.code !== null && given.code !== region.code)
    issues.push({ field: "policy.code", message: `must be the region's code (${region.code}) or left out` });
  const nameGiven = typeof given.name === "string";
  const parsed = parseRegionPolicy({ ...given, code: region.code, name: nameGiven ? given.name : region.name });
  if (!parsed.ok)
    for (const issue of parsed.error.issues) {
      // The code, and a name left out, are the region's own arguments.
      const own = issue.field === "code" || (issue.field === "name" && !nameGiven);
      const field = own ? issue.field : `policy.${issue.field}`;
      // A field the caller already refused (a missing code) is not reported twice.
      if (own && extraIssues.some((extra) => extra.field === field)) continue;
      issues.push({ field, message: issue.message });
    }
  if (issues.length > 0) return err(validationError(issues));
  if (!parsed.ok) throw new Error("a refused policy without issues");
  return parsed;
}
