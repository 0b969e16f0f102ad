import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import config, { scalars } from "../codegen.js";
import { createGateway } from "./yoga.js";

// The codegen config front-end developers use, run as they would: against a gateway's URL.
describe("codegen against a running gateway", () => {
  let database: TestDatabase;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await insertMinimalRegion(database.db);
    server = createServer(createGateway({ db: database.db, env: { NODE_ENV: "test" } }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  it("loads the schema from the URL and types every operation, the scalars as strings", async () => {
    const cwd = fileURLToPath(new URL("..", import.meta.url));
    const files: { filename: string; content: string }[] = await generate({ ...config, schema: url, cwd, silent: true }, false);
    const graphql = files.find((file) => file.filename.endsWith("graphql.ts"));
    expect(graphql, files.map((file) => file.filename).join(", ")).toBeDefined();
    const content = graphql?.content ?? "";
    expect(scalars).toEqual({ Date: "string", DateTime: "string", Days: "string", JSON: "unknown", File: "File" });
    // Days in and out, Date and DateTime in: exact strings.
    expect(content).toMatch(/export type RecordDeliveryInput = \{[^}]*\bdate: string;[^}]*\bdays: string;[^}]*\bonSiteAt\?: string \| null/);
    expect(content).toMatch(/RecordDeliveryPayload', delivery: \{ code: string, deliveredOn: string, days: string/);
    for (const operation of ["FunderReportQuery", "BoroughQuotaQuery", "RecordDeliveryMutation", "EngagementsPageQuery"]) {
      expect(content).toContain(`export type ${operation} =`);
    }
    expect(content).not.toMatch(/: any\b/);
  });
});
