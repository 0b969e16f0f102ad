import type { Transaction } from "kysely";
import type { Database, JsonObject } from "../schema.js";

/** Who made a change: the audit row's region and actor. */
export interface AuditActor {
  readonly regionCode: string;
  readonly userId: string;
}

/** Every write leaves one row: who, what, when, before and after, in the write's transaction. */
export async function writeAudit(
  trx: Transaction<Database>,
  actor: AuditActor,
  entry: {
    readonly action: string;
    readonly entity: string;
    readonly entityId: string;
    readonly before: object | null;
    readonly after: object | null;
    readonly at: Date;
  },
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      region_code: actor.regionCode,
      actor: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === null ? null : toJson(entry.before),
      after: entry.after === null ? null : toJson(entry.after),
      at: entry.at,
    })
    .execute();
}

/** Dates become ISO strings; the result is a plain JSON object both drivers send as jsonb. */
function toJson(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
