import type pg from "pg";
import type { TableShape } from "./batch-loader.js";

// The schema belongs to persistence's migrations and moves with them. Before loading, compare
// the generator's tables with the migrated database and name every difference at once, rather
// than failing on the first batch with one missing column.

interface ColumnInfo {
  table_name: string;
  column_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  is_identity: "YES" | "NO";
}

export async function checkSchema(client: pg.ClientBase, tables: readonly TableShape[]): Promise<void> {
  const { rows } = await client.query<ColumnInfo>(
    `select table_name, column_name, is_nullable, column_default, is_identity
       from information_schema.columns where table_schema = 'public'`,
  );
  const columns = new Map<string, ColumnInfo[]>();
  for (const row of rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row]);
  const problems: string[] = [];
  for (const table of tables) {
    const actual = columns.get(table.name);
    if (actual === undefined) {
      problems.push(`table ${table.name} does not exist`);
      continue;
    }
    const filled = new Set(table.columns.map(([name]) => name));
    for (const name of filled) {
      if (!actual.some((c) => c.column_name === name)) problems.push(`${table.name}.${name} does not exist`);
    }
    for (const c of actual) {
      if (!filled.has(c.column_name) && c.is_nullable === "NO" && c.column_default === null && c.is_identity === "NO") {
        problems.push(`${table.name}.${c.column_name} is required and not generated`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`the generator does not match the schema:\n  ${problems.join("\n  ")}`);
}
