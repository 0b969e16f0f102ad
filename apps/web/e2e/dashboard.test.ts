import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDays, formatDaysNumber } from "../src/lib/format-days.js";
import { strandLabels } from "../src/lib/labels.js";
import { type Browser, chromiumAvailable, chromiumPath, launchBrowser } from "./browser.js";
import { buildDashboard, type RunningServer, startServer } from "./server.js";

// The dashboard in a real browser against the real server (built as `pnpm start` builds it,
// on a fresh embedded database seeded with the London pilot): each role signs in, opens its
// pages, and the figures on screen are compared with what GraphQL answers the same token.

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
const SOUTHWARK = "E09000028";
const FUNDER = "fnd-london-councils";

type Json = ReturnType<typeof JSON.parse>;

const missingChromium = !chromiumAvailable;
if (missingChromium && process.env.CI) {
  describe("the dashboard in Chromium", () => {
    it("needs Chromium at /usr/bin/chromium (CI installs it with apt-get in .ci/run)", () => {
      throw new Error(`${chromiumPath} is missing: run apt-get install -y chromium`);
    });
  });
} else if (missingChromium) {
  process.stdout.write(`Skipping the dashboard's browser tests: ${chromiumPath} is missing (apt-get install -y chromium).\n`);
}

describe.skipIf(missingChromium)("the dashboard in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  /** Uncaught errors in any signed-in page: the dashboard must have none. */
  const pageErrors: string[] = [];

  const tokenFor = async (body: Record<string, string>): Promise<string> => {
    const response = await fetch(`${server.url}/auth/dev-token`, { method: "POST", body: JSON.stringify({ region: "london", ...body }) });
    return ((await response.json()) as { token: string }).token;
  };
  const graphql = async (token: string, query: string, variables: Record<string, unknown> = {}): Promise<Json> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Json;
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data;
  };

  /** Signs in through the page's own form, as a person would. */
  const signIn = async (role: string, choices: Record<string, string> = {}, prepare?: (page: Page) => void): Promise<Page> => {
    const page = await browser.context.newPage();
    prepare?.(page);
    page.on("pageerror", (error) => pageErrors.push(`${role}: ${error.message}`));
    await page.goto(`${server.url}/`);
    await page.getByLabel("Role").selectOption(role);
    for (const [field, value] of Object.entries(choices)) await page.getByLabel(field).selectOption(value);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(`[data-viewer-role="${role}"]`).waitFor();
    return page;
  };
  const stat = (page: Page, id: string) => page.locator(`[data-stat="${id}"] .stat-value`).innerText();
  /** A table's body rows as text, found by its caption. */
  const tableRows = (page: Page, caption: string): Promise<string[][]> =>
    page
      .locator("table", { has: page.locator("caption", { hasText: caption }) })
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())));
  const screenshot = (page: Page, name: string) => page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
  const download = async (page: Page, click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent("download"), click()]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    buildDashboard();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(pageErrors).toEqual([]);
  }, 30_000);

  it("serves the sign-in page at / with labelled fields, reachable by keyboard", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByLabel("Role").isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("role");
    await page.getByLabel("Role").selectOption("AUTHORITY");
    expect(await page.getByLabel("Authority").isVisible()).toBe(true);
    expect(await page.getByLabel("Funder").count()).toBe(0);
    await screenshot(page, "sign-in");
    await page.close();
  });

  it("asks for a pasted bearer token where the server has no development sign-in (production)", async () => {
    const page = await browser.context.newPage();
    // What a production server answers (tested in the gateway): /auth/* is 404 there.
    await page.route("**/auth/options", (route) => route.fulfill({ status: 404, contentType: "application/json", body: '{"errors":[]}' }));
    await page.goto(`${server.url}/`);
    const field = page.getByLabel("Bearer token");
    await field.waitFor();
    expect(await page.getByLabel("Role").count()).toBe(0);
    await field.fill("not a token");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("token");
    await field.fill(`Bearer ${await tokenFor({ role: "FUNDER", funder: FUNDER })}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator('[data-viewer-role="FUNDER"]').waitFor();
    await page.locator('[data-stat="days-delivered"]').waitFor();
    await screenshot(page, "sign-in-production");
    await page.close();
  });

  describe("as a FUNDER", () => {
    let page: Page;
    let token: string;
    const bodies: Promise<{ url: string; text: string }>[] = [];

    beforeAll(async () => {
      token = await tokenFor({ role: "FUNDER", funder: FUNDER });
      // Everything the funder's browser receives from the server, sign-in included, to look for what it must not.
      page = await signIn("FUNDER", { Funder: FUNDER }, (tab) =>
        tab.on("response", (response) => {
          if (/^\/(graphql|export|auth)/.test(new URL(response.url()).pathname)) {
            bodies.push(response.text().then((text) => ({ url: response.url(), text }), () => ({ url: response.url(), text: "" })));
          }
        }),
      );
    });

    it("shows the 2010 funding report with the figures GraphQL gives the same funder", async () => {
      await page.locator('[data-stat="days-delivered"]').waitFor();
      expect(new URL(page.url()).pathname).toBe("/funder");
      const data = await graphql(
        token,
        `query($y: Int!) { fundingReport(region: "london", year: $y) {
          programmeCost { formatted } daysDelivered daysByStrand { strand days } costPerDeliveredDay { formatted }
          netCostPerDeliveredDay { formatted } consultantBenchmarkDayRate { formatted } coverage { served total }
          funders { funder { name } contribution { formatted } } } }`,
        { y: 2010 },
      );
      const report = data.fundingReport;
      expect(report.daysDelivered).toBe("606");
      expect(report.coverage).toEqual({ served: 27, total: 33 });
      expect(await stat(page, "days-delivered")).toBe(formatDays(report.daysDelivered));
      expect(await stat(page, "days-delivered")).toBe("606 days");
      expect(await stat(page, "coverage")).toBe("27 of 33");
      expect(await stat(page, "programme-cost")).toBe(report.programmeCost.formatted);
      expect(await stat(page, "cost-per-day")).toBe(report.costPerDeliveredDay.formatted);
      expect(await page.locator('[data-stat="cost-per-day"] .stat-detail').innerText()).toContain(report.netCostPerDeliveredDay.formatted);
      expect(await stat(page, "benchmark-rate")).toBe(report.consultantBenchmarkDayRate.formatted);
      expect(await tableRows(page, "Days delivered by strand, 2010-11")).toEqual(
        report.daysByStrand.map((s: Json) => [strandLabels[s.strand], formatDaysNumber(s.days)]),
      );
      expect(await tableRows(page, "Contributions by funder, 2010-11")).toEqual(
        report.funders.map((f: Json) => [f.funder.name, f.contribution.formatted]),
      );
      expect(await page.locator(".tile-map li").count()).toBe(33);
      // The map colours the authorities GraphQL says were served, and only those.
      const served = await graphql(token, `{ fundingReport(region: "london", year: 2010) { coverage { served servedAuthorities { code } } } }`);
      const servedCodes = served.fundingReport.coverage.servedAuthorities.map((a: Json) => a.code);
      const onMap = await page.locator('.tile-map li[data-state="served"]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute("data-authority")));
      expect(onMap).toHaveLength(served.fundingReport.coverage.served);
      expect(onMap).toHaveLength(27);
      expect([...onMap].sort()).toEqual([...servedCodes].sort());
      expect(await page.locator('.tile-map li[data-state="not-served"]').count()).toBe(33 - 27);
      await page.locator(".chart svg[viewBox]").first().waitFor();
      await screenshot(page, "funder");
    });

    it("puts the two pilot years side by side, as GraphQL reports each", async () => {
      const data = await graphql(
        token,
        `{ a: fundingReport(region: "london", year: 2010) { daysDelivered programmeCost { formatted } coverage { served total } }
           b: fundingReport(region: "london", year: 2011) { daysDelivered programmeCost { formatted } coverage { served total } } }`,
      );
      const rows = await tableRows(page, "The pilot: 2010-11 and 2011-12");
      expect(rows.find((r) => r[0] === "Days delivered")).toEqual(["Days delivered", formatDaysNumber(data.a.daysDelivered), formatDaysNumber(data.b.daysDelivered)]);
      expect(rows.find((r) => r[0] === "Programme cost")).toEqual(["Programme cost", data.a.programmeCost.formatted, data.b.programmeCost.formatted]);
      expect(rows.find((r) => r[0] === "Authorities served")).toEqual([
        "Authorities served",
        `${data.a.coverage.served} of ${data.a.coverage.total}`,
        `${data.b.coverage.served} of ${data.b.coverage.total}`,
      ]);
    });

    it("downloads a table's CSV and the server's CSV, and both parse and match GraphQL", async () => {
      const data = await graphql(token, `{ fundingReport(region: "london", year: 2010) { daysDelivered daysByStrand { strand days } } }`);
      const table = await download(page, () => page.locator('[data-csv="days-by-strand-2010"]').click());
      expect(table.name).toBe("days-by-strand-2010.csv");
      const parsed = Papa.parse<Record<string, string>>(table.text, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data).toEqual(data.fundingReport.daysByStrand.map((s: Json) => ({ Strand: s.strand, Days: s.days })));

      const whole = await download(page, () => page.locator('[data-server-csv="funding-report"]').click());
      expect(whole.name).toBe("funding-report-london-2010.csv");
      const rows = Papa.parse<Record<string, string>>(whole.text, { header: true, skipEmptyLines: true });
      expect(rows.errors).toEqual([]);
      expect(rows.data.find((r) => r.item === "Days delivered")?.value).toBe(data.fundingReport.daysDelivered);
      expect(rows.data.find((r) => r.item === "Authorities served")?.value).toBe("27");
      for (const s of data.fundingReport.daysByStrand) {
        expect(rows.data.find((r) => r.section === "days by strand" && r.item === s.strand)?.value).toBe(s.days);
      }
    });

    it("prints the funding report without navigation or buttons", async () => {
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.locator(".table-tools").first().isVisible()).toBe(false);
      expect(await page.locator('[data-stat="days-delivered"]').isVisible()).toBe(true);
      await page.pdf({ path: `${artifacts}funding-report.pdf`, format: "A4" });
      await page.emulateMedia({ media: "screen" });
    });

    it("cannot reach a borough page: the gateway refuses and the page shows its error", async () => {
      await page.goto(`${server.url}/borough?authority=${SOUTHWARK}&year=2010`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.innerText()).toContain("FORBIDDEN");
      expect(await page.locator('[data-stat="remaining-free"]').count()).toBe(0);
      expect(await page.locator("table").count()).toBe(0);
      await screenshot(page, "funder-refused-borough");
      const csv = await fetch(`${server.url}/export/quota-statement.csv?region=london&holder=${SOUTHWARK}&year=2010`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(csv.status).toBe(403);
    });

    it("shows benchmarks to a funder, then its browser has received no notes and no engagement's detail", async () => {
      await page.goto(`${server.url}/benchmarks?measure=CP_PLANS_AT_YEAR_END&year=2010`);
      await page.locator("#rates").waitFor();
      await screenshot(page, "funder-benchmarks");
      await page.close();
      const received = await Promise.all(bodies);
      expect(received.filter((r) => r.url.includes("/graphql")).length).toBeGreaterThan(3);
      for (const { url, text } of received) {
        expect(text, url).not.toMatch(/"notes?"\s*:/);
        for (const detail of ['"engagementTitle"', '"engagementCode"', '"deliveries"', '"organisationName"', '"Engagement"', '"lines"']) {
          expect(text, `${url} carries ${detail}`).not.toContain(detail);
        }
      }
    });
  });

  describe("as a borough (AUTHORITY)", () => {
    let page: Page;
    let token: string;

    beforeAll(async () => {
      token = await tokenFor({ role: "AUTHORITY", authority: SOUTHWARK });
      page = await signIn("AUTHORITY", { Authority: SOUTHWARK });
    });
    afterAll(() => page?.close());

    it("shows free days used and remaining and every delivery, as GraphQL reports them", async () => {
      await page.locator('[data-stat="remaining-free"]').waitFor();
      expect(new URL(page.url()).pathname).toBe("/borough");
      const data = await graphql(
        token,
        `{ quotaStatement(region: "london", holder: "${SOUTHWARK}", year: 2010) {
          holderName allowanceDays usedFreeDays remainingFreeDays chargeableDays charges { formatted }
          lines { days freeDays chargeableDays charge { formatted } } } }`,
      );
      const q = data.quotaStatement;
      expect(await page.locator("h1").innerText()).toContain(q.holderName);
      expect(await stat(page, "allowance")).toBe(formatDays(q.allowanceDays));
      expect(await stat(page, "used-free")).toBe(formatDays(q.usedFreeDays));
      expect(await stat(page, "remaining-free")).toBe(formatDays(q.remainingFreeDays));
      expect(await stat(page, "chargeable")).toBe(formatDays(q.chargeableDays));
      expect(await stat(page, "charges")).toBe(q.charges.formatted);
      const rows = await tableRows(page, "Deliveries to Southwark, 2010-11");
      expect(rows.map((r) => [r[4], r[5], r[6], r[8]])).toEqual(
        q.lines.map((l: Json) => [formatDaysNumber(l.days), formatDaysNumber(l.freeDays), formatDaysNumber(l.chargeableDays), l.charge.formatted]),
      );
      expect(await page.locator("#statements table").count()).toBe(2);
      await screenshot(page, "borough");
    });

    it("requests an engagement; a refused request names the field, as the gateway does", async () => {
      await page.getByLabel("What the work is").fill("Multi-agency audit of neglect referrals");
      await page.getByLabel("Estimated days").fill("0.3");
      await page.getByLabel("Planned start").fill("2011-05-02");
      await page.getByRole("button", { name: "Request the engagement" }).click();
      const refused = page.locator(".error-panel");
      await refused.waitFor();
      expect(await refused.innerText()).toContain("VALIDATION");
      expect(await refused.innerText()).toContain("estimateDays");
      await page.getByLabel("Estimated days").fill("3");
      await page.getByRole("button", { name: "Request the engagement" }).click();
      const done = page.getByRole("status");
      await done.waitFor();
      expect(await done.innerText()).toContain("Multi-agency audit of neglect referrals");
      const code = await done.locator("strong").innerText();
      const check = await graphql(token, `{ region(code: "london") { engagements(first: 100, authority: "${SOUTHWARK}") { edges { node { code title } } } } }`);
      expect(check.region.engagements.edges.map((e: Json) => e.node.code), await done.innerText()).toContain(code);
      await screenshot(page, "borough-request");
    });
  });

  describe("as a region admin", () => {
    it("shows the capacity heatmap, demand against capacity and the waitlist as GraphQL reports them", async () => {
      const token = await tokenFor({ role: "REGION_ADMIN" });
      const page = await signIn("REGION_ADMIN");
      await page.locator("#heatmap .chart svg[viewBox]").waitFor();
      expect(new URL(page.url()).pathname).toBe("/capacity");
      const data = await graphql(
        token,
        `{ capacityForecast(region: "london", from: "2011-01-03", weeks: 13) { adviser { name } weekStart bookableDays confirmedDays tentativeDays }
           region(code: "london") { engagements(first: 100, status: [WAITLISTED]) { totalCount edges { node { code earliestStartWeek } } } } }`,
      );
      const weeks = data.capacityForecast as Json[];
      const rows = await tableRows(page, "Adviser weeks");
      expect(rows).toHaveLength(weeks.length);
      expect(rows.map((r) => [r[0], r[4], r[5], r[6]])).toEqual(
        weeks.map((w) => [w.adviser.name, formatDaysNumber(w.bookableDays), formatDaysNumber(w.confirmedDays), formatDaysNumber(w.tentativeDays)]),
      );
      const waitlist = await tableRows(page, "Waitlisted requests");
      expect(waitlist.map((r) => r[0]?.split(":")[0])).toEqual(data.region.engagements.edges.map((e: Json) => e.node.code));
      expect(data.region.engagements.totalCount).toBeGreaterThan(0);

      // Demand against capacity is the gateway's rule 14, shown and exported as it answers.
      const { demandAndCapacity: demand } = await graphql(
        token,
        `{ demandAndCapacity(region: "london", from: "2011-01-03", weeks: 13) { weeks { weekStart bookableDays } demandDays bookableDays waitlistedDays acceptedOutstandingDays } }`,
      );
      await page.locator("#demand .chart svg[viewBox]").waitFor();
      expect(await stat(page, "demand-days")).toBe(formatDays(demand.demandDays));
      expect(await stat(page, "horizon-bookable")).toBe(formatDays(demand.bookableDays));
      expect(await stat(page, "horizon-waitlisted")).toBe(formatDays(demand.waitlistedDays));
      expect(await stat(page, "accepted-outstanding")).toBe(formatDays(demand.acceptedOutstandingDays));
      const demandRows = await tableRows(page, "Bookable capacity against demand");
      expect(demandRows.map((r) => r[1])).toEqual(demand.weeks.map((w: Json) => formatDaysNumber(w.bookableDays)));
      const exported = await download(page, () => page.locator('[data-server-csv="demand"]').click());
      expect(exported.name).toBe("demand-london-2011-01-03-13.csv");
      const csv = Papa.parse<Record<string, string>>(exported.text, { header: true, skipEmptyLines: true });
      expect(csv.errors).toEqual([]);
      expect(csv.data.filter((r) => r.section === "week").map((r) => [r.week_start, r.value])).toEqual(
        demand.weeks.map((w: Json) => [w.weekStart, w.bookableDays]),
      );
      expect(csv.data.find((r) => r.item === "Demand")?.value).toBe(demand.demandDays);
      await screenshot(page, "capacity");
      await page.close();
    });
  });

  describe("as a region admin on the knowledge page", () => {
    it("searches the library, lists themes across the boroughs and overdue recommendations, as GraphQL answers them", async () => {
      const token = await tokenFor({ role: "REGION_ADMIN" });
      const page = await signIn("REGION_ADMIN");
      await page.getByRole("link", { name: "Knowledge hub" }).click();
      await page.locator("#themes table tbody tr").first().waitFor();

      // Themes across the boroughs: the table is the gateway's answer, most widespread first.
      const themes = await graphql(
        token,
        `{ commonThemes(region: "london", year: 2010, minAuthorities: 3) { themes { theme authorityCount common engagements daysDelivered outliers { measure } } } }`,
      );
      const expected = themes.commonThemes.themes as Json[];
      expect(expected.length).toBeGreaterThan(0);
      const rows = await tableRows(page, "Themes across the boroughs, 2010-11");
      expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual(
        expected.map((t) => [t.theme, String(t.authorityCount), t.common ? "common" : "", String(t.engagements), formatDays(t.daysDelivered)]),
      );
      expect(await stat(page, "common-themes")).toBe(String(expected.filter((t) => t.common).length));

      // The library searched with the page's own form; the count and titles are the search's.
      await page.getByLabel("Search the library").fill("review");
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("table caption", { hasText: 'Learning items matching "review"' }).waitFor();
      const found = await graphql(token, `{ searchLearningItems(region: "london", query: "review", first: 20) { totalCount edges { node { title } } } }`);
      expect(found.searchLearningItems.totalCount).toBeGreaterThan(0);
      expect((await tableRows(page, 'Learning items matching "review"')).map((r) => r[0])).toEqual(found.searchLearningItems.edges.map((e: Json) => e.node.title));
      expect(await page.locator("#learning mark").count()).toBeGreaterThan(0);

      // Overdue as of a day in the pilot, asked through the address.
      await page.goto(`${server.url}/knowledge?year=2010&min=3&asOf=2011-12-01`);
      await page.locator("table caption", { hasText: "Recommendations overdue on 2011-12-01" }).waitFor();
      const overdue = await graphql(token, `{ overdueRecommendations(region: "london", asOf: "2011-12-01") { text dueOn } }`);
      expect(overdue.overdueRecommendations.length).toBeGreaterThan(0);
      expect((await tableRows(page, "Recommendations overdue on 2011-12-01")).map((r) => [r[2], r[4]])).toEqual(
        overdue.overdueRecommendations.map((r: Json) => [r.text, r.dueOn]),
      );
      await page.locator("#themes table tbody tr").first().waitFor();
      await screenshot(page, "knowledge");
      await page.close();
    });
  });

  describe("as an adviser", () => {
    it("shows benchmarks with suppressed values as suppressed, never as zero", async () => {
      const token = await tokenFor({ role: "ADVISER" });
      const page = await signIn("ADVISER");
      let measure = "";
      let benchmark: Json = null;
      for (const candidate of ["SECOND_OR_SUBSEQUENT_PLANS", "RE_REFERRALS", "CP_PLANS_STARTED", "REFERRALS"]) {
        const data = await graphql(token, `query($m: BenchmarkMeasure!) { benchmark(region: "london", year: 2010, measure: $m) { regionRate rows { authority { name } value rate suppressed } } }`, { m: candidate });
        if (data.benchmark.rows.some((r: Json) => r.suppressed)) {
          measure = candidate;
          benchmark = data.benchmark;
          break;
        }
      }
      expect(measure).not.toBe("");
      await page.goto(`${server.url}/benchmarks?measure=${measure}&year=2010`);
      await page.locator("#rates .chart svg[viewBox]").waitFor();
      expect(await stat(page, "region-rate")).toBe(benchmark.regionRate);
      const rows = await tableRows(page, "by authority");
      expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual(
        benchmark.rows.map((r: Json) => [r.authority.name, r.suppressed ? "suppressed" : r.value.toLocaleString("en-GB"), r.suppressed ? "suppressed" : r.rate]),
      );

      // The selected authority beside its statistical neighbours, as GraphQL lists them; pick
      // one with a suppressed neighbour where there is one, so "suppressed" is seen there too.
      const withNeighbours = await graphql(
        token,
        `query($m: BenchmarkMeasure!) { benchmark(region: "london", year: 2010, measure: $m) { rows { authority { code name statisticalNeighbours { code } } rate suppressed } } }`,
        { m: measure },
      );
      const byCode = new Map<string, Json>(withNeighbours.benchmark.rows.map((r: Json) => [r.authority.code, r]));
      const candidates = withNeighbours.benchmark.rows.filter((r: Json) => r.authority.statisticalNeighbours.length > 0);
      const selected =
        candidates.find((r: Json) => r.authority.statisticalNeighbours.some((n: Json) => byCode.get(n.code)?.suppressed)) ?? candidates[0];
      expect(selected).toBeDefined();
      await page.getByLabel("Authority", { exact: true }).selectOption(selected.authority.code);
      await page.locator("#neighbours caption", { hasText: selected.authority.name }).waitFor();
      const published = (r: Json | undefined) => (r === undefined ? "not published" : r.suppressed ? "suppressed" : r.rate);
      expect((await tableRows(page, "beside its statistical neighbours")).map((r) => [r[0], r[2]])).toEqual([
        [selected.authority.name, published(selected)],
        ...selected.authority.statisticalNeighbours.map((n: Json) => [byCode.get(n.code)?.authority.name ?? n.code, published(byCode.get(n.code))]),
      ]);
      await page.locator("#neighbours .chart svg[viewBox]").waitFor();
      await screenshot(page, "benchmarks");
      await page.close();
    });
  });
});
