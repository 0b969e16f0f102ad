import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedLondonPilot } from "@adviser-hub/london-pilot";
import { backends, createTestDatabase, type TestDatabase } from "@adviser-hub/persistence/testing";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, type JsonData, tokenFor } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";
import { createRequestListener } from "./request-listener.js";

const SOUTHWARK = "E09000028";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const parseCsv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe.each(backends())("the gateway's HTTP routes on %s", (backend) => {
  let database: TestDatabase;
  let gateway: Gateway;
  let server: Server;
  let base: string;
  let webRoot: string;
  const tokens = {} as Record<"FUNDER" | "AUTHORITY" | "ADMIN" | "OTHER_REGION", string>;
  const get = (path: string, token?: string) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await seedLondonPilot(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" } });
    webRoot = mkdtempSync(join(tmpdir(), "adviser-hub-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>dashboard</title>");
    writeFileSync(join(webRoot, "assets", "app-123.js"), "console.log(1)");
    server = createServer(createRequestListener({ gateway, db: database.db, env: { NODE_ENV: "test" }, webRoot }));
    base = await listen(server);
    tokens.FUNDER = await tokenFor({ role: "FUNDER", region: "london", funder: "fnd-dfe" });
    tokens.AUTHORITY = await tokenFor({ role: "AUTHORITY", region: "london", authority: SOUTHWARK });
    tokens.ADMIN = await tokenFor({ role: "REGION_ADMIN", region: "london" });
    tokens.OTHER_REGION = await tokenFor({ role: "REGION_ADMIN", region: "west-of-scotland" });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(webRoot, { recursive: true, force: true });
    await database?.close();
  });

  describe("GET /export/<report>.csv", () => {
    it("gives a FUNDER the funding report as CSV with the figures GraphQL gives the same token", async () => {
      const response = await get("/export/funding-report.csv?region=london&year=2010", tokens.FUNDER);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="funding-report-london-2010.csv"');
      const csv = parseCsv(await response.text());
      expect(csv.errors).toEqual([]);
      expect(csv.meta.fields).toEqual(["year", "section", "item", "value", "unit"]);
      const value = (item: string) => csv.data.find((row) => row.item === item)?.value;

      const graphql = await execute<JsonData>(
        gateway,
        "query($y: Int!) { fundingReport(region: \"london\", year: $y) { programmeCost { amount } daysDelivered daysByStrand { strand days } coverage { served total } costPerDeliveredDay { amount } funders { funder { name } contribution { amount } } } }",
        { variables: { y: 2010 }, token: tokens.FUNDER },
      );
      const report = graphql.data.fundingReport;
      expect(value("Days delivered")).toBe(report.daysDelivered);
      expect(value("Days delivered")).toBe("606");
      expect(value("Authorities served")).toBe("27");
      expect(value("Authorities in the region")).toBe(String(report.coverage.total));
      expect(value("Programme cost")).toBe(report.programmeCost.amount);
      expect(value("Cost per delivered day (gross)")).toBe(report.costPerDeliveredDay.amount);
      for (const strand of report.daysByStrand) {
        expect(csv.data.find((row) => row.section === "days by strand" && row.item === strand.strand)?.value).toBe(strand.days);
      }
      for (const funder of report.funders) expect(value(funder.funder.name)).toBe(funder.contribution.amount);
    });

    it("answers with the scope check GraphQL makes: 403 for a FUNDER asking for a borough's deliveries", async () => {
      const response = await get(`/export/quota-statement.csv?region=london&holder=${SOUTHWARK}&year=2010`, tokens.FUNDER);
      expect(response.status).toBe(403);
      const body = (await response.json()) as JsonData;
      const graphql = await execute<JsonData>(
        gateway,
        `{ quotaStatement(region: "london", holder: "${SOUTHWARK}", year: 2010) { holder } }`,
        { token: tokens.FUNDER },
      );
      expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
      expect(body.errors[0].extensions.code).toBe(graphql.errors?.[0]?.extensions?.code);
      expect(body.errors[0].message).toBe(graphql.errors?.[0]?.message);
    });

    it("answers 401 without a token and refuses another region's token", async () => {
      expect((await get("/export/funding-report.csv?region=london&year=2010")).status).toBe(401);
      const other = await get("/export/funding-report.csv?region=london&year=2010", tokens.OTHER_REGION);
      expect(other.status).toBe(403);
    });

    it("gives a borough its own deliveries, line for line as GraphQL, and no other borough's", async () => {
      const response = await get(`/export/quota-statement.csv?region=london&holder=${SOUTHWARK}&year=2010`, tokens.AUTHORITY);
      expect(response.status).toBe(200);
      const csv = parseCsv(await response.text());
      const graphql = await execute<JsonData>(
        gateway,
        `{ quotaStatement(region: "london", holder: "${SOUTHWARK}", year: 2010) { lines { deliveryCode days freeDays chargeableDays charge { amount } } } }`,
        { token: tokens.AUTHORITY },
      );
      const lines = graphql.data.quotaStatement.lines as JsonData[];
      expect(lines.length).toBeGreaterThan(0);
      expect(csv.data.map((row) => [row.delivery, row.days, row.free_days, row.chargeable_days, row.charge_gbp])).toEqual(
        lines.map((line) => [line.deliveryCode, line.days, line.freeDays, line.chargeableDays, line.charge.amount]),
      );
      const kensington = await get("/export/quota-statement.csv?region=london&holder=E09000020&year=2010", tokens.AUTHORITY);
      // Another area's holder is not found, exactly as an unknown one.
      expect(kensington.status).toBe(404);
      const unknown = await get("/export/quota-statement.csv?region=london&holder=E09999999&year=2010", tokens.AUTHORITY);
      expect(unknown.status).toBe(404);
    });

    it("exports a suppressed count as the published 'c', never as zero or a blank", async () => {
      let found = false;
      for (const measure of ["SECOND_OR_SUBSEQUENT_PLANS", "RE_REFERRALS", "CP_PLANS_STARTED", "REFERRALS"]) {
        const response = await get(`/export/benchmark.csv?region=london&year=2010&measure=${measure}`, tokens.FUNDER);
        expect(response.status).toBe(200);
        const rows = parseCsv(await response.text()).data;
        expect(rows).toHaveLength(33);
        for (const row of rows) {
          if (row.suppressed === "true") {
            found = true;
            expect(row.value).toBe("c");
            expect(row.rate_per_10000).toBe("c");
          } else {
            expect(row.value).toMatch(/^\d+$/);
          }
        }
      }
      expect(found).toBe(true);
    });

    it("exports capacity weeks and the waitlist to staff", async () => {
      const weeks = await get("/export/capacity-forecast.csv?region=london&from=2011-01-03&weeks=4", tokens.ADMIN);
      expect(weeks.status).toBe(200);
      const rows = parseCsv(await weeks.text()).data;
      const advisers = new Set(rows.map((row) => row.adviser_code));
      expect(rows).toHaveLength(advisers.size * 4);
      expect(rows[0]?.week_start).toBe("2011-01-03");
      const waitlist = await get("/export/waitlist.csv?region=london", tokens.ADMIN);
      expect(waitlist.status).toBe(200);
      expect((await waitlist.text()).split("\r\n")[0]).toBe(
        "engagement,title,organisation,authority,strand,estimate_days,earliest_start_week,requested_at",
      );
    });

    it("exports demand against capacity: the horizon's weeks, then its totals as GraphQL answers them", async () => {
      const response = await get("/export/demand.csv?region=london&from=2011-01-03&weeks=4", tokens.FUNDER);
      expect(response.status).toBe(200);
      const rows = parseCsv(await response.text()).data;
      const graphql = await execute<{ demandAndCapacity: { weeks: { weekStart: string; bookableDays: string }[]; demandDays: string; bookableDays: string } }>(
        gateway,
        `{ demandAndCapacity(region: "london", from: "2011-01-03", weeks: 4) { weeks { weekStart bookableDays } demandDays bookableDays } }`,
        { token: tokens.FUNDER },
      );
      const d = graphql.data!.demandAndCapacity;
      expect(rows.filter((row) => row.section === "week").map((row) => [row.week_start, row.value])).toEqual(d.weeks.map((w) => [w.weekStart, w.bookableDays]));
      expect(rows.find((row) => row.item === "Demand")).toMatchObject({ section: "horizon", value: d.demandDays, unit: "days" });
      expect(rows.find((row) => row.section === "horizon" && row.item === "Bookable")?.value).toBe(d.bookableDays);
      expect((await get("/export/demand.csv?region=london&from=2011-01-03", tokens.OTHER_REGION)).status).toBe(403);
      const tooLong = await get("/export/demand.csv?region=london&from=2011-01-03&weeks=60", tokens.ADMIN);
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as JsonData).errors[0].extensions).toMatchObject({ code: "VALIDATION", field: "weeks" });
    });

    it("names the missing or malformed parameter, and lists the reports for an unknown one", async () => {
      const missing = await get("/export/funding-report.csv?region=london", tokens.FUNDER);
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as JsonData).errors[0].extensions).toMatchObject({ code: "VALIDATION", field: "year" });
      const malformed = await get("/export/capacity-forecast.csv?region=london&from=soon", tokens.ADMIN);
      expect(((await malformed.json()) as JsonData).errors[0].extensions.field).toBe("from");
      const unknown = await get("/export/salaries.csv", tokens.ADMIN);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as JsonData).errors[0].message).toContain("/export/funding-report.csv");
    });
  });

  describe("development sign-in", () => {
    it("lists the region's authorities and funders and signs a token the gateway accepts", async () => {
      const options = (await (await get("/auth/options")).json()) as JsonData;
      expect(options.roles).toEqual(["REGION_ADMIN", "ADVISER", "AUTHORITY", "FUNDER", "SERVICE_ADMIN"]);
      const london = options.regions.find((r: JsonData) => r.code === "london");
      expect(london.authorities).toHaveLength(33);
      expect(london.funders.map((f: JsonData) => f.code).sort()).toEqual(["fnd-capital-ambition", "fnd-dfe", "fnd-london-councils"]);

      const signed = await fetch(`${base}/auth/dev-token`, {
        method: "POST",
        body: JSON.stringify({ role: "AUTHORITY", region: "london", authority: SOUTHWARK }),
      });
      const { token } = (await signed.json()) as { token: string };
      const viewer = await execute<JsonData>(gateway, "{ viewer { signedIn role region authority funder } }", { token });
      expect(viewer.data.viewer).toEqual({ signedIn: true, role: "AUTHORITY", region: "london", authority: SOUTHWARK, funder: null });

      // The operator signs in for no one region: the region sent is ignored.
      const operator = await fetch(`${base}/auth/dev-token`, { method: "POST", body: JSON.stringify({ role: "SERVICE_ADMIN", region: "london" }) });
      const operatorViewer = await execute<JsonData>(gateway, "{ viewer { role region } }", { token: ((await operator.json()) as { token: string }).token });
      expect(operatorViewer.data.viewer).toEqual({ role: "SERVICE_ADMIN", region: null });
    });

    it("refuses a sign-in that lacks what the role needs, naming the field", async () => {
      const post = (body: unknown) => fetch(`${base}/auth/dev-token`, { method: "POST", body: JSON.stringify(body) });
      const noFunder = await post({ role: "FUNDER", region: "london" });
      expect(noFunder.status).toBe(400);
      expect(((await noFunder.json()) as JsonData).errors[0].extensions.field).toBe("funder");
      const badRole = await post({ role: "ROOT", region: "london" });
      expect(((await badRole.json()) as JsonData).errors[0].extensions.field).toBe("role");
      const notJson = await fetch(`${base}/auth/dev-token`, { method: "POST", body: "role=FUNDER" });
      expect(notJson.status).toBe(400);
    });

    it("does not exist in production", async () => {
      const production = createServer(
        createRequestListener({
          gateway,
          db: database.db,
          env: { NODE_ENV: "production", AUTH_SECRET: "a-production-secret-of-at-least-32-chars" },
          webRoot,
        }),
      );
      const url = await listen(production);
      try {
        expect((await fetch(`${url}/auth/options`)).status).toBe(404);
        const token = await fetch(`${url}/auth/dev-token`, { method: "POST", body: JSON.stringify({ role: "REGION_ADMIN", region: "london" }) });
        expect(token.status).toBe(404);
        expect(JSON.stringify(await token.json())).not.toContain("token\":");
      } finally {
        await new Promise((resolve) => production.close(resolve));
      }
    });
  });

  describe("the dashboard's files", () => {
    it("serves index.html at / and for the page's own routes, assets with long caching", async () => {
      for (const path of ["/", "/funder", "/borough?authority=E09000028"]) {
        const response = await get(path);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("no-cache");
        expect(await response.text()).toContain("<title>dashboard</title>");
      }
      const asset = await get("/assets/app-123.js");
      expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(asset.headers.get("cache-control")).toContain("immutable");
      expect((await get("/assets/app-old.js")).status).toBe(404);
    });

    it("never serves a file outside the folder", async () => {
      const response = await get("/..%2F..%2F..%2Fpackage.json");
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("\"name\"");
    });

    it("says how to build the dashboard when it is missing", async () => {
      const empty = mkdtempSync(join(tmpdir(), "adviser-hub-empty-"));
      const bare = createServer(createRequestListener({ gateway, db: database.db, env: { NODE_ENV: "test" }, webRoot: empty }));
      const url = await listen(bare);
      try {
        const response = await fetch(`${url}/`);
        expect(response.status).toBe(503);
        expect(await response.text()).toContain("pnpm start");
        expect((await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ viewer { signedIn } }"}' })).status).toBe(200);
      } finally {
        await new Promise((resolve) => bare.close(resolve));
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});
