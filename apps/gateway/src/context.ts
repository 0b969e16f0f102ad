import type { Database } from "@adviser-hub/persistence";
import type { Kysely } from "kysely";
import type { Viewer } from "./auth/viewer.js";
import { createLoaders, type Loaders } from "./loaders/index.js";

/**
 * Everything a resolver may use. A fresh context per request: its DataLoaders cache only for
 * that request, so one viewer never reads another's cached rows.
 */
export interface GatewayContext {
  readonly viewer: Viewer | null;
  readonly db: Kysely<Database>;
  readonly loaders: Loaders;
}

export function createContext(db: Kysely<Database>, viewer: Viewer | null): GatewayContext {
  return { viewer, db, loaders: createLoaders(db) };
}
