import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { migrations } from "../migrations/registry.js";

/**
 * A short hash of the migrations' names and source text. Cached snapshots and template
 * databases are keyed by it, so editing a migration during development never reuses a schema
 * built by the old text.
 */
export function migrationFingerprint(): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(migrations).sort()) hash.update(`${name}\n`);
  const folder = fileURLToPath(new URL("../migrations/", import.meta.url));
  try {
    for (const file of readdirSync(folder).sort()) {
      if (/^\d{4}-\d{2}-\d{2}-.*\.(ts|js)$/.test(file)) {
        hash.update(file);
        hash.update(readFileSync(`${folder}${file}`));
      }
    }
  } catch {
    // Sources not readable (a built copy): names alone still separate released schemas.
  }
  return hash.digest("hex").slice(0, 12);
}
