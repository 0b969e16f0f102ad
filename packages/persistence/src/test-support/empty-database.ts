import { randomBytes } from "node:crypto";
import pg from "pg";
import { type AppDatabase, openDatabase } from "../connection/open-database.js";
import { databaseUrl } from "./server-template.js";

/** An empty database with no migrations applied, and how to get rid of it. */
export async function emptyDatabase(backend: string): Promise<{ app: AppDatabase; dispose(): Promise<void> }> {
  if (backend === "pglite") {
    const app = await openDatabase({ url: "", dataDir: "memory://" });
    return { app, dispose: () => app.close() };
  }
  const url = process.env.DATABASE_URL!;
  const name = `ah_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const app = await openDatabase({ url: databaseUrl(url, name), readUrl: "" });
  return {
    app,
    async dispose() {
      await app.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
