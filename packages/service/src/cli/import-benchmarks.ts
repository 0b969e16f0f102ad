// `pnpm benchmarks:import <csv> --region london --mapping <file.json>`: imports the Department
// for Education's open-data CSV into the region's benchmark figures, as the region's
// administrator, through the same use case as the gateway's importBenchmarks mutation. All or
// nothing; a second run of the same file changes nothing. The server when DATABASE_URL is set,
// else the embedded database (PGLITE_DATA_DIR or --data-dir), migrated beforehand
// (`pnpm db:migrate`). Exits non-zero with every refusal (file, row, column) on failure.
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultDataDir, openDatabase } from "@adviser-hub/persistence";
import { importBenchmarks } from "../import-benchmarks.js";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { region: { type: "string" }, mapping: { type: "string" }, "data-dir": { type: "string" } },
  });
  const [csvPath] = positionals;
  if (!csvPath || !values.region || !values.mapping) {
    console.error("usage: pnpm benchmarks:import <csv> --region <code> --mapping <mapping.json> [--data-dir <dir>]");
    return 2;
  }
  // Paths are the caller's: pnpm runs root scripts from the workspace root, INIT_CWD is where it was typed.
  const base = process.env.INIT_CWD ?? process.cwd();
  const [csv, mapping] = await Promise.all([readFile(resolve(base, csvPath), "utf8"), readFile(resolve(base, values.mapping), "utf8")]);
  const app = await openDatabase({ dataDir: values["data-dir"] ?? defaultDataDir() });
  try {
    const result = await importBenchmarks(
      app.db,
      { role: "REGION_ADMIN", regionCode: values.region, userId: `cli:${userInfo().username}` },
      { fileName: basename(csvPath), csv, mapping },
    );
    if (!result.ok) {
      const issues = "issues" in result.error ? result.error.issues : [result.error];
      for (const issue of issues) console.error(`${"field" in issue ? `${issue.field}: ` : ""}${issue.message}`);
      return 1;
    }
    const { years, authorityFigures, areaFigures, changed } = result.value;
    console.log(
      `${result.value.fileName}: ${authorityFigures} authority figures and ${areaFigures} national or regional figures for ${years.join(", ")}; ` +
        `changed ${changed.statistics} figures, ${changed.populations} populations, ${changed.areaStatistics} comparators`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
