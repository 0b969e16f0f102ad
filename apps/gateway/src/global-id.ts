import { GraphQLError } from "graphql";

/**
 * Global ids carry the region as well as the row id, so a node lookup knows which shard
 * (region) to read and can refuse another region's ids before touching the database.
 * Format: base64url("Type:region:id"). Row ids may contain ':' (never the region code).
 */
export interface RegionalId {
  readonly region: string;
  readonly id: string;
}

/** The raw id Pothos passes through: "region:id". */
export const regionalKey = (region: string, id: string): string => `${region}:${id}`;

export function parseRegionalKey(key: string): RegionalId | null {
  const at = key.indexOf(":");
  if (at <= 0 || at === key.length - 1) return null;
  return { region: key.slice(0, at), id: key.slice(at + 1) };
}

export function encodeRegionalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, "utf8").toString("base64url");
}

/** A client error, not a bug: answered as VALIDATION with the offending value (truncated). */
export class MalformedIdError extends GraphQLError {
  constructor(globalId: string) {
    super(`'${globalId.slice(0, 60)}' is not a global id of this service`, {
      extensions: { code: "VALIDATION", field: "id" },
    });
    this.name = "MalformedIdError";
  }
}

export function decodeRegionalId(globalId: string): { typename: string; id: string } {
  if (globalId.length > 400 || !/^[A-Za-z0-9_-]+$/.test(globalId)) throw new MalformedIdError(globalId);
  const text = Buffer.from(globalId, "base64url").toString("utf8");
  const at = text.indexOf(":");
  const typename = text.slice(0, at);
  const id = text.slice(at + 1);
  if (at <= 0 || !/^[A-Z][A-Za-z]*$/.test(typename) || parseRegionalKey(id) === null) {
    throw new MalformedIdError(globalId);
  }
  return { typename, id };
}
