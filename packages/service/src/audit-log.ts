import { type ForbiddenError, type Result, type ValidationError, invalid, isServiceRole } from "@adviser-hub/domain";
import { type AuditEntry, type Page, type Queryable, pageAuditLog } from "@adviser-hub/persistence";
import { forbidden, type Reader, requireReader } from "./actor.js";

export interface AuditLogArgs {
  readonly region: string;
  readonly first: number;
  /** The id of the last entry of the previous page. */
  readonly after: string | null;
  /** Only changes to this kind of entity (delivery, regionPolicy, ...). */
  readonly entity?: string | null;
  /** Only changes by this actor, as recorded. */
  readonly actor?: string | null;
}

export type AuditLogResult = Result<Page<AuditEntry>, ValidationError | ForbiddenError>;

/**
 * Who changed what and when in a region, newest first (REGION_ADMIN of the region,
 * SERVICE_ADMIN of any), one keyset page per statement.
 */
export async function auditLog(db: Queryable, reader: Reader, args: AuditLogArgs): Promise<AuditLogResult> {
  // The operator stands in no region: its role alone admits it to any.
  const denied = reader && isServiceRole(reader.role)
    ? requireReader({ ...reader, regionCode: args.region }, "auditLog", args.region)
    : requireReader(reader, "auditLog", args.region);
  if (denied) return { ok: false, error: denied };
  if (typeof args.region !== "string" || args.region === "") return { ok: false, error: forbidden("not allowed for this viewer") };
  if (args.after !== null && !/^[1-9]\d{0,17}$/.test(args.after)) return invalid("after", "is not a cursor of the audit log");
  const page = await pageAuditLog(db, args.region, { entity: args.entity ?? null, actor: args.actor ?? null }, { first: args.first, after: args.after });
  return { ok: true, value: page };
}
