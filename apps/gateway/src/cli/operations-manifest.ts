import { writeFileSync } from "node:fs";
import { buildManifest, manifestPath, manifestText } from "../trusted/manifest.js";

// Rewrites trusted-operations.json from the operations the repository holds.
const manifest = buildManifest();
writeFileSync(manifestPath, manifestText(manifest));
process.stdout.write(`${Object.keys(manifest.operations).length} trusted operations written to ${manifestPath}\n`);
