// `pnpm region:import <folder> [--dry-run] [--from-year YEAR] [--region CODE] [--data-dir DIR]`:
// imports a region's policy.json and CSVs (docs/IMPORT.md) into the database (the server when
// DATABASE_URL is set, else the embedded one), migrating it first. Runs as the hub's operator
// (SERVICE_ADMIN): whoever runs it holds the database itself. Prints each file's created,
// updated and unchanged rows, or every problem as `file row N column C: message` and exits 1.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { ALL_REGIONS } from "@adviser-hub/domain";
import { defaultDataDir, migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { IMPORT_FILE_NAMES, type ImportIssue, importRegion } from "../import-region.js";

export function issueLine(issue: ImportIssue): string {
  const where = [issue.file, issue.row === null ? null : `row ${issue.row}`, issue.column === null ? null : `column ${issue.column}`];
  return `${where.filter((w) => w !== null && w !== "").join(" ")}: ${issue.message}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, "from-year": { type: "string" }, region: { type: "string" }, "data-dir": { type: "string" } },
  });
  if (positionals.length !== 1) {
    console.error("usage: pnpm region:import <folder> [--dry-run] [--from-year YEAR] [--region CODE]");
    return 2;
  }
  // pnpm runs the script in the package's folder; the folder is meant from where it was typed.
  const folder = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const files: Record<string, string> = {};
  for (const name of IMPORT_FILE_NAMES) {
    const path = resolve(folder, name);
    if (existsSync(path)) files[name] = readFileSync(path, "utf8");
  }
  if (Object.keys(files).length === 0) {
    console.error(`${folder}: none of ${IMPORT_FILE_NAMES.join(", ")}`);
    return 2;
  }
  const fromYear = values["from-year"] === undefined ? undefined : Number(values["from-year"]);
  if (fromYear !== undefined && !Number.isInteger(fromYear)) {
    console.error("--from-year must be a year such as 2014");
    return 2;
  }
  const dataDir = values["data-dir"] ?? defaultDataDir();
  const app = await openDatabase({ dataDir });
  try {
    await migrateToLatest(app.db);
    const result = await importRegion(
      app.db,
      { role: "SERVICE_ADMIN", regionCode: ALL_REGIONS, userId: `operator:${userInfo().username}` },
      {
        files,
        ...(values.region === undefined ? {} : { region: values.region }),
        ...(fromYear === undefined ? {} : { fromFinancialYear: fromYear }),
        dryRun: values["dry-run"] === true,
        onProgress: (file, done, total) => {
          if (total >= 1000) console.log(`${file}: ${done} of ${total} rows`);
        },
      },
    );
    if (!result.ok) {
      if (result.error.code === "IMPORT_REJECTED") for (const issue of result.error.issues) console.error(issueLine(issue));
      console.error(result.error.message);
      return 1;
    }
    const summary = result.value;
    for (const f of summary.files) console.log(`${f.file}: ${f.created} created, ${f.updated} updated, ${f.unchanged} unchanged`);
    console.log(
      summary.dryRun
        ? `${summary.region}: dry run, ${summary.changes} changes would be made; nothing was written`
        : `${summary.region}: ${summary.changes} changes`,
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
