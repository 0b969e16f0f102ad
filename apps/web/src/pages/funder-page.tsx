import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Plot, PlotFigure } from "../components/plot-figure.js";
import { Section } from "../components/section.js";
import { ServerCsvButton } from "../components/server-csv-button.js";
import { StatGrid } from "../components/stat-grid.js";
import { TileMap } from "../components/tile-map.js";
import {
  type FundingReportFieldsFragment,
  FundingReportPageDocument,
  RegionDirectoryDocument,
} from "../graphql/graphql.js";
import { formatDays, formatDaysNumber } from "../lib/format-days.js";
import { formatMoney } from "../lib/format-money.js";
import { formatShare } from "../lib/format-share.js";
import { financialYear, label, strandLabels } from "../lib/labels.js";
import { href, navigate } from "../lib/router.js";

/** The pilot's two financial years, compared side by side. */
const pilotYears = [2010, 2011] as const;
const yearChoices = [2010, 2011];

const pounds = (pence: number | undefined): number => (pence ?? 0) / 100;
/** The exact pounds decimal the gateway sends ("1200.00"), for CSV cells. */
const amount = (money: { amount: string } | null | undefined): string | null => money?.amount ?? null;

export function FunderPage({ viewer, params }: { viewer: SignedInViewer; params: URLSearchParams }) {
  const region = viewer.region;
  const year = Number.parseInt(params.get("year") ?? "2010", 10) || 2010;
  const [{ data, error, fetching }] = useQuery({
    query: FundingReportPageDocument,
    variables: { region, year, compareA: pilotYears[0], compareB: pilotYears[1] },
  });
  const [directory] = useQuery({ query: RegionDirectoryDocument, variables: { region } });
  const report = data?.report;
  return (
    <article className="funder-page">
      <div className="page-title">
        <h1>
          Funding report: {directory.data?.region?.name ?? region}, {financialYear(year)}
        </h1>
        <div className="page-tools no-print">
          <label htmlFor="year">Financial year</label>
          <select id="year" value={year} onChange={(e) => navigate(href("/funder", { year: e.target.value }))}>
            {yearChoices.map((y) => (
              <option key={y} value={y}>
                {financialYear(y)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <ServerCsvButton report="funding-report" params={{ region, year }} text="Whole report as CSV" />
        </div>
      </div>
      <QueryError error={error} />
      {fetching && !report ? <p className="loading">Loading the report...</p> : null}
      {report ? <FundingReportBody report={report} tiles={directory.data?.region?.authorities.edges.map((e) => e.node) ?? []} /> : null}
      {data?.compareA && data.compareB ? <PilotComparison years={[data.compareA, data.compareB]} /> : null}
    </article>
  );
}

function FundingReportBody({ report, tiles }: { report: FundingReportFieldsFragment; tiles: readonly { code: string; name: string }[] }) {
  const fy = financialYear(report.year);
  const servedCodes = new Set(report.coverage.servedAuthorities.map((a) => a.code));
  const rr = report.rapidResponse;
  return (
    <>
      <StatGrid
        label={`Headline figures ${fy}`}
        stats={[
          { id: "programme-cost", label: "Programme cost", value: report.programmeCost.formatted },
          { id: "days-delivered", label: "Days delivered", value: formatDays(report.daysDelivered) },
          {
            id: "cost-per-day",
            label: "Cost per delivered day",
            value: report.costPerDeliveredDay?.formatted ?? "n/a",
            detail: `net of charge income ${report.netCostPerDeliveredDay?.formatted ?? "n/a"}`,
          },
          { id: "benchmark-rate", label: "Consultant benchmark day rate", value: report.consultantBenchmarkDayRate.formatted },
          {
            id: "coverage",
            label: "Authorities served",
            value: `${report.coverage.served} of ${report.coverage.total}`,
            detail: formatShare(report.coverage.share),
          },
          {
            id: "rapid-response",
            label: "Rapid responses",
            value: String(rr.count),
            detail: `median ${rr.medianHours ?? "n/a"} hours; ${formatShare(rr.withinTargetShare)} within ${rr.targetHours} hours`,
          },
        ]}
      />

      <Section id="contributions" title="Contributions by funder" intro={`The programme cost ${report.programmeCost.formatted} is the sum of the funders' contributions.`}>
        <PlotFigure
          deps={[report]}
          description={`Contributions ${fy}: ${report.funders.map((f) => `${f.funder.name} ${f.contribution.formatted}`).join(", ")}.`}
          render={(width) =>
            Plot.plot({
              width,
              marginLeft: 170,
              height: 40 + report.funders.length * 34,
              x: { label: "£", grid: true },
              y: { label: null },
              marks: [
                Plot.barX(report.funders, { x: (f) => pounds(f.contribution.pence), y: (f) => f.funder.name, fill: "#1d4f91", sort: { y: "-x" } }),
                Plot.ruleX([0]),
              ],
            })
          }
        />
        <DataTable
          caption={`Contributions by funder, ${fy}`}
          filename={`contributions-${report.year}`}
          rows={report.funders}
          rowKey={(f) => f.funder.code}
          columns={[
            { header: "Funder", cell: (f) => f.funder.name, csv: (f) => f.funder.name, rowHeader: true },
            { header: "Contribution", cell: (f) => f.contribution.formatted, csv: (f) => amount(f.contribution), numeric: true },
          ]}
          footer={
            <tr>
              <th scope="row">Programme cost</th>
              <td className="numeric">{report.programmeCost.formatted}</td>
            </tr>
          }
        />
      </Section>

      <Section id="days" title="Days delivered, by strand" intro={`${formatDays(report.daysDelivered)} delivered on all strands.`}>
        <PlotFigure
          deps={[report]}
          description={`Days by strand ${fy}: ${report.daysByStrand.map((s) => `${label(strandLabels, s.strand)} ${s.days}`).join(", ")}.`}
          render={(width) =>
            Plot.plot({
              width,
              marginLeft: 130,
              height: 40 + report.daysByStrand.length * 30,
              x: { label: "days", grid: true },
              y: { label: null },
              marks: [
                Plot.barX(report.daysByStrand, { x: (s) => Number(s.days), y: (s) => label(strandLabels, s.strand), fill: "#2f6b3a", sort: { y: "-x" } }),
                Plot.ruleX([0]),
              ],
            })
          }
        />
        <DataTable
          caption={`Days delivered by strand, ${fy}`}
          filename={`days-by-strand-${report.year}`}
          rows={report.daysByStrand}
          rowKey={(s) => s.strand}
          columns={[
            { header: "Strand", cell: (s) => label(strandLabels, s.strand), csv: (s) => s.strand, rowHeader: true },
            { header: "Days", cell: (s) => formatDaysNumber(s.days), csv: (s) => s.days, numeric: true },
          ]}
          footer={
            <tr>
              <th scope="row">All strands</th>
              <td className="numeric" data-total="days">
                {formatDaysNumber(report.daysDelivered)}
              </td>
            </tr>
          }
        />
      </Section>

      <Section id="value" title="Cost per delivered day against the consultant benchmark">
        <ValueForMoney report={report} />
      </Section>

      <Section
        id="coverage-map"
        title="Coverage"
        intro={`${report.coverage.served} of ${report.coverage.total} authorities received a delivery in ${fy} (${formatShare(report.coverage.share)}).`}
      >
        <TileMap
          label={`The region's ${tiles.length} authorities, served or not in ${fy}`}
          tiles={tiles.map((t) => ({ code: t.code, name: t.name, state: servedCodes.has(t.code) ? "served" : "not-served" }))}
          states={[
            { state: "served", text: `served in ${fy}` },
            { state: "not-served", text: "no delivery this year" },
          ]}
        />
        <DataTable
          caption={`Authorities served, ${fy}`}
          filename={`coverage-${report.year}`}
          rows={report.coverage.servedAuthorities}
          rowKey={(a) => a.code}
          columns={[
            { header: "Authority", cell: (a) => a.name, csv: (a) => a.name, rowHeader: true },
            { header: "GSS code", cell: (a) => a.code, csv: (a) => a.code },
          ]}
        />
      </Section>

      <Section id="rapid" title="Rapid response">
        <DataTable
          caption={`Rapid response, ${fy}`}
          filename={`rapid-response-${report.year}`}
          rows={[rr]}
          rowKey={() => "rr"}
          columns={[
            { header: "Responses", cell: (r) => r.count, csv: (r) => r.count, numeric: true },
            { header: "Waiting for anyone on site", cell: (r) => r.pendingCount, csv: (r) => r.pendingCount, numeric: true },
            { header: "Median hours", cell: (r) => r.medianHours ?? "n/a", csv: (r) => r.medianHours, numeric: true },
            { header: "Target hours", cell: (r) => r.targetHours, csv: (r) => r.targetHours, numeric: true },
            { header: "Within target", cell: (r) => formatShare(r.withinTargetShare), csv: (r) => r.withinTargetShare, numeric: true },
          ]}
        />
      </Section>

      <Section id="hosts" title="Host commitments">
        <DataTable
          caption={`Host commitments delivered against committed, ${fy}`}
          filename={`host-commitments-${report.year}`}
          rows={report.hostCommitments}
          rowKey={(h) => `${h.adviser.code}-${h.authority.code}`}
          columns={[
            { header: "Adviser", cell: (h) => h.adviser.name, csv: (h) => h.adviser.name, rowHeader: true },
            { header: "Host authority", cell: (h) => h.authority.name, csv: (h) => h.authority.name },
            { header: "Committed days", cell: (h) => formatDaysNumber(h.committedDays), csv: (h) => h.committedDays, numeric: true },
            { header: "Delivered days", cell: (h) => formatDaysNumber(h.deliveredDays), csv: (h) => h.deliveredDays, numeric: true },
            { header: "Delivered share", cell: (h) => formatShare(h.deliveredShare), csv: (h) => h.deliveredShare, numeric: true },
          ]}
        />
      </Section>

      <Section id="outcomes" title="Outcomes" intro="Outcome indicators measured in the year, judged on their latest measurement against the baseline.">
        <DataTable
          caption={`Outcome indicators, ${fy}`}
          filename={`outcomes-${report.year}`}
          rows={[
            { what: "Improved", n: report.outcomes.improved },
            { what: "Worsened", n: report.outcomes.worsened },
            { what: "Unchanged", n: report.outcomes.unchanged },
            // Beside the assessment, not a fourth kind of it: an improved indicator may or may not reach its target.
            { what: "Of those, target met", n: report.outcomes.targetMet },
          ]}
          rowKey={(o) => o.what}
          columns={[
            { header: "Assessment", cell: (o) => o.what, csv: (o) => o.what, rowHeader: true },
            { header: "Indicators", cell: (o) => o.n, csv: (o) => o.n, numeric: true },
          ]}
        />
      </Section>

      <Section id="demand" title="Demand">
        <DataTable
          caption={`Demand, ${fy}`}
          filename={`demand-${report.year}`}
          rows={[
            { what: "Requested (estimated days)", days: report.demand.requestedDays },
            { what: "Waitlisted at some point (estimated days)", days: report.demand.waitlistedDays },
          ]}
          rowKey={(d) => d.what}
          columns={[
            { header: "Demand", cell: (d) => d.what, csv: (d) => d.what, rowHeader: true },
            { header: "Days", cell: (d) => formatDaysNumber(d.days), csv: (d) => d.days, numeric: true },
          ]}
        />
      </Section>
    </>
  );
}

function ValueForMoney({ report }: { report: FundingReportFieldsFragment }) {
  const fy = financialYear(report.year);
  const rows = [
    { what: "Gross cost per delivered day", money: report.costPerDeliveredDay },
    { what: "Net of charge income", money: report.netCostPerDeliveredDay },
    { what: "Consultant benchmark day rate", money: report.consultantBenchmarkDayRate },
  ];
  return (
    <>
      <PlotFigure
        deps={[report]}
        description={`${fy}: ${rows.map((r) => `${r.what} ${r.money?.formatted ?? "n/a"}`).join("; ")}.`}
        render={(width) =>
          Plot.plot({
            width,
            marginLeft: 200,
            height: 140,
            x: { label: "£ a day", grid: true },
            y: { label: null, domain: rows.map((r) => r.what) },
            marks: [
              Plot.barX(rows, { x: (r) => pounds(r.money?.pence), y: "what", fill: (r) => (r.what.startsWith("Consultant") ? "#8a4b08" : "#1d4f91") }),
              Plot.ruleX([0]),
            ],
          })
        }
      />
      <DataTable
        caption={`Cost per delivered day against the benchmark, ${fy}`}
        filename={`value-for-money-${report.year}`}
        rows={rows}
        rowKey={(r) => r.what}
        columns={[
          { header: "Measure", cell: (r) => r.what, csv: (r) => r.what, rowHeader: true },
          { header: "Per day", cell: (r) => formatMoney(r.money), csv: (r) => amount(r.money), numeric: true },
        ]}
      />
      <p>
        Charge income {report.chargeIncome.formatted} from days beyond the boroughs' free allowance.
      </p>
    </>
  );
}

function PilotComparison({ years }: { years: readonly [FundingReportFieldsFragment, FundingReportFieldsFragment] }) {
  const [a, b] = years;
  const measures: { what: string; of: (r: FundingReportFieldsFragment) => string; csv: (r: FundingReportFieldsFragment) => string | number | null }[] = [
    { what: "Programme cost", of: (r) => r.programmeCost.formatted, csv: (r) => amount(r.programmeCost) },
    { what: "Charge income", of: (r) => r.chargeIncome.formatted, csv: (r) => amount(r.chargeIncome) },
    { what: "Days delivered", of: (r) => formatDaysNumber(r.daysDelivered), csv: (r) => r.daysDelivered },
    ...a.daysByStrand.map((s) => ({
      what: `Days: ${label(strandLabels, s.strand)}`,
      of: (r: FundingReportFieldsFragment) => formatDaysNumber(r.daysByStrand.find((x) => x.strand === s.strand)?.days ?? "0"),
      csv: (r: FundingReportFieldsFragment) => r.daysByStrand.find((x) => x.strand === s.strand)?.days ?? "0",
    })),
    { what: "Cost per delivered day", of: (r) => formatMoney(r.costPerDeliveredDay), csv: (r) => amount(r.costPerDeliveredDay) },
    { what: "Net cost per delivered day", of: (r) => formatMoney(r.netCostPerDeliveredDay), csv: (r) => amount(r.netCostPerDeliveredDay) },
    { what: "Consultant benchmark day rate", of: (r) => r.consultantBenchmarkDayRate.formatted, csv: (r) => amount(r.consultantBenchmarkDayRate) },
    { what: "Authorities served", of: (r) => `${r.coverage.served} of ${r.coverage.total}`, csv: (r) => r.coverage.served },
    { what: "Rapid responses", of: (r) => String(r.rapidResponse.count), csv: (r) => r.rapidResponse.count },
    { what: "Median response (hours)", of: (r) => r.rapidResponse.medianHours ?? "n/a", csv: (r) => r.rapidResponse.medianHours },
    { what: "Within target", of: (r) => formatShare(r.rapidResponse.withinTargetShare), csv: (r) => r.rapidResponse.withinTargetShare },
    { what: "Outcomes improved", of: (r) => String(r.outcomes.improved), csv: (r) => r.outcomes.improved },
    { what: "Outcomes worsened", of: (r) => String(r.outcomes.worsened), csv: (r) => r.outcomes.worsened },
    { what: "Outcomes unchanged", of: (r) => String(r.outcomes.unchanged), csv: (r) => r.outcomes.unchanged },
  ];
  return (
    <Section id="pilot" title="The pilot years side by side">
      <DataTable
        caption={`The pilot: ${financialYear(a.year)} and ${financialYear(b.year)}`}
        filename={`pilot-${a.year}-${b.year}`}
        rows={measures}
        rowKey={(m) => m.what}
        columns={[
          { header: "Measure", cell: (m) => m.what, csv: (m) => m.what, rowHeader: true },
          { header: financialYear(a.year), cell: (m) => m.of(a), csv: (m) => m.csv(a), numeric: true },
          { header: financialYear(b.year), cell: (m) => m.of(b), csv: (m) => m.csv(b), numeric: true },
        ]}
      />
    </Section>
  );
}
