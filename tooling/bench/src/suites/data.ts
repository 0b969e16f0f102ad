import { ensureDataset, type LoadedDataset } from "../generate/load-dataset.js";
import { NATIONAL, STRESS } from "../generate/spec.js";
import { count, type Section, table } from "../report/markdown.js";

// The national and stress data sets: made (or found already made) in their own databases.

export async function runDataSuite(force: boolean): Promise<{ sections: Section[] }> {
  const loaded: LoadedDataset[] = [];
  for (const spec of [NATIONAL, STRESS]) loaded.push(await ensureDataset(spec, { force }));
  const rows = loaded.map((d) => [
    d.spec.name,
    count(d.spec.deliveries),
    d.loaded ? count(d.rows) : "reused",
    d.loaded ? d.seconds.toFixed(1) : "-",
    d.loaded ? count(d.rowsPerSecond) : "-",
    d.loaded ? count(d.counts.get("deliveries") ?? 0) : "-",
  ]);
  const body = [
    "Generated with a seeded PRNG (same seed, same rows), loaded with `COPY ... FROM STDIN` (10,000 rows a batch) on two connections, secondary indexes and foreign keys added after the rows (so every row is checked against every foreign key once, in bulk), then `VACUUM (ANALYZE)`. Seconds include all of that. `pnpm bench data --force` remakes both.",
    "",
    table(["data set", "deliveries asked", "rows loaded", "seconds", "rows/s", "deliveries"], rows),
  ].join("\n");
  return { sections: [{ title: "Data sets", body }] };
}
