import { createServer } from "node:http";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import { allocateUnallocated } from "@adviser-hub/service";
import { AuthConfigurationError } from "./auth/secret.js";
import { createRequestListener } from "./http/request-listener.js";
import { createGateway } from "./yoga.js";

// `pnpm start`: embedded PGlite unless DATABASE_URL is set; an empty database is migrated and
// seeded with the London 2010-12 pilot; then POST /graphql (GraphiQL on GET outside production).
async function main(): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? "4000", 10);
  const host = process.env.HOST ?? "127.0.0.1";
  const app = await openDatabase();
  await migrateToLatest(app.db);
  await allocateUnallocated(app.db);
  const regions = await app.db.selectFrom("regions").select("region_code").limit(1).execute();
  if (regions.length === 0) {
    process.stdout.write("Empty database: seeding the London 2010-12 pilot...\n");
    await seedLondonPilot(app.db);
  }
  // ADVISER_HUB_NOW replays the historical pilot: writes are stamped as if made at that instant.
  const now = process.env.ADVISER_HUB_NOW ? Date.parse(process.env.ADVISER_HUB_NOW) : null;
  if (now !== null && Number.isNaN(now)) throw new Error("ADVISER_HUB_NOW must be an ISO instant");
  const gateway = createGateway({
    db: app.db,
    logging: process.env.NODE_ENV !== "test",
    ...(now === null ? {} : { clock: { now: () => now } }),
  });
  // One process: the dashboard at /, GraphQL at /graphql, CSV at /export, dev sign-in at /auth.
  const server = createServer(createRequestListener({ gateway, db: app.db }));
  server.listen(port, host, () => {
    const where = app.kind === "server" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite";
    process.stdout.write(
      [
        `Adviser Hub dashboard on http://${host}:${port}/ and GraphQL on http://${host}:${port}/graphql (${where})`,
        "Get a token:  TOKEN=$(pnpm --silent run token --role REGION_ADMIN --region london)",
        `Then:         curl -s http://${host}:${port}/graphql -H 'content-type: application/json' \\`,
        "                -H \"authorization: Bearer $TOKEN\" -d '{\"query\":\"{ viewer { role region } }\"}'",
        "",
      ].join("\n"),
    );
  });
  const stop = () => {
    server.close(() => {
      void app.close().then(() => process.exit(0));
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof AuthConfigurationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Could not start the gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
