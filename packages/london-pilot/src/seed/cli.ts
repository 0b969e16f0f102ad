import { migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { seedLondonPilot } from "./seed-london-pilot.js";

// `tsx --conditions=@adviser-hub/source src/seed/cli.ts`: opens the configured database
// (DATABASE_URL, else the embedded one), migrates it, seeds the London pilot and prints what
// is there. Safe to run again: the seed is idempotent.

const app = await openDatabase();
try {
  await migrateToLatest(app.db);
  const summary = await seedLondonPilot(app.db);
  process.stdout.write(`${JSON.stringify({ database: app.kind, ...summary }, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await app.close();
}
