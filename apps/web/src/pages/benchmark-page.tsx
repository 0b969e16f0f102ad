import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Plot, PlotFigure } from "../components/plot-figure.js";
import { Section } from "../components/section.js";
import { ServerCsvButton } from "../components/server-csv-button.js";
import { StatGrid } from "../components/stat-grid.js";
import { SuppressedValue } from "../components/suppressed-value.js";
import { type BenchmarkMeasure, BenchmarkPageDocument, type BenchmarkPageQuery } from "../graphql/graphql.js";
import { parseScaled } from "../lib/decimal.js";
import { formatPublishedCount, formatPublishedRate } from "../lib/format-suppressed.js";
import { label, measureLabels } from "../lib/labels.js";
import { href, navigate } from "../lib/router.js";

const measures = Object.keys(measureLabels) as BenchmarkMeasure[];
/** Years of published statistics held for the region (the pilot's baseline years). */
const yearChoices = [2009, 2010];

type Row = BenchmarkPageQuery["benchmark"]["rows"][number];

/** Against the region rate, compared exactly on the two-decimal strings. */
function againstRegion(row: Row, regionRate: string | null | undefined): string {
  if (row.suppressed || !row.rate || !regionRate) return row.suppressed ? "suppressed" : "n/a";
  const difference = parseScaled(row.rate, 2) - parseScaled(regionRate, 2);
  return difference > 0n ? "above" : difference < 0n ? "below" : "equal";
}

/** Each authority's rate against the region rate, quartiles and outliers; suppressed shown as suppressed. */
export function BenchmarkPage({ viewer, params }: { viewer: SignedInViewer; params: URLSearchParams }) {
  const region = viewer.region;
  const measure = (measures.find((m) => m === params.get("measure")) ?? "CP_PLANS_AT_YEAR_END") as BenchmarkMeasure;
  const year = Number.parseInt(params.get("year") ?? "2010", 10) || 2010;
  const [{ data, error, fetching }] = useQuery({ query: BenchmarkPageDocument, variables: { region, year, measure } });
  const benchmark = data?.benchmark;
  const rows = benchmark?.rows ?? [];
  // The authority compared with its neighbours: the one asked for, else the viewer's own, else the first with neighbours.
  const selected =
    rows.find((r) => r.authority.code === params.get("authority")) ??
    rows.find((r) => r.authority.code === viewer.authority) ??
    rows.find((r) => r.authority.statisticalNeighbours.length > 0) ??
    rows[0];
  const go = (next: { measure?: string; year?: number; authority?: string }) =>
    navigate(
      href("/benchmarks", {
        measure: next.measure ?? measure,
        year: next.year ?? year,
        ...((next.authority ?? selected?.authority.code) ? { authority: next.authority ?? selected?.authority.code } : {}),
      }),
    );
  const published = benchmark?.rows.filter((r) => !r.suppressed && r.rate) ?? [];
  const suppressed = benchmark?.rows.filter((r) => r.suppressed) ?? [];
  return (
    <article>
      <div className="page-title">
        <h1>Benchmarks: {label(measureLabels, measure)}, {year}</h1>
        <div className="page-tools no-print">
          <label htmlFor="measure">Measure</label>
          <select id="measure" value={measure} onChange={(e) => go({ measure: e.target.value })}>
            {measures.map((m) => (
              <option key={m} value={m}>
                {label(measureLabels, m)}
              </option>
            ))}
          </select>
          <label htmlFor="year">Year</label>
          <select id="year" value={year} onChange={(e) => go({ year: Number.parseInt(e.target.value, 10) })}>
            {yearChoices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <ServerCsvButton report="benchmark" params={{ region, year, measure }} text="Benchmark as CSV" />
        </div>
      </div>
      <QueryError error={error} />
      {fetching && !benchmark ? <p className="loading">Loading the benchmark...</p> : null}
      {benchmark ? (
        <>
          <StatGrid
            label="Region figures"
            stats={[
              { id: "region-rate", label: "Region rate per 10,000 children", value: benchmark.regionRate ?? "n/a" },
              { id: "q1", label: "Lower quartile", value: benchmark.quartiles?.q1 ?? "n/a" },
              { id: "median", label: "Median", value: benchmark.quartiles?.median ?? "n/a" },
              { id: "q3", label: "Upper quartile", value: benchmark.quartiles?.q3 ?? "n/a" },
              { id: "suppressed", label: "Authorities suppressed", value: String(suppressed.length) },
            ]}
          />
          <Section id="rates" title="Rates per 10,000 children">
            <PlotFigure
              deps={[benchmark]}
              description={`${published.length} authorities with a published rate, region rate ${benchmark.regionRate ?? "n/a"}; ${
                suppressed.length === 0 ? "none suppressed" : `suppressed (not shown as zero): ${suppressed.map((r) => r.authority.name).join(", ")}`
              }.`}
              render={(width) =>
                Plot.plot({
                  width,
                  marginLeft: 170,
                  height: 50 + published.length * 18,
                  x: { label: "rate per 10,000", grid: true },
                  y: { label: null },
                  color: { domain: ["HIGH outlier", "LOW outlier", "within 1.5 IQR"], range: ["#a4161a", "#c55a11", "#1d4f91"], legend: true },
                  marks: [
                    Plot.barX(published, {
                      x: (r: Row) => Number(r.rate),
                      y: (r: Row) => r.authority.name,
                      fill: (r: Row) => (r.outlier ? `${r.outlier} outlier` : "within 1.5 IQR"),
                      sort: { y: "-x" },
                    }),
                    benchmark.quartiles
                      ? Plot.ruleX([Number(benchmark.quartiles.q1), Number(benchmark.quartiles.q3)], { stroke: "#4a5560", strokeDasharray: "4 3" })
                      : null,
                    benchmark.regionRate ? Plot.ruleX([Number(benchmark.regionRate)], { stroke: "#1b1f24", strokeWidth: 2 }) : null,
                  ],
                })
              }
            />
            <p className="note">Solid line: region rate; dashed lines: lower and upper quartiles. Suppressed authorities have no bar and are listed as suppressed in the table.</p>
            <DataTable
              caption={`${label(measureLabels, measure)}, ${year}, by authority`}
              filename={`benchmark-${measure}-${year}`}
              rows={benchmark.rows}
              rowKey={(r) => r.authority.code}
              columns={[
                { header: "Authority", cell: (r) => r.authority.name, csv: (r) => r.authority.name, rowHeader: true },
                { header: "Children 0-17", cell: (r) => r.population.toLocaleString("en-GB"), csv: (r) => r.population, numeric: true },
                { header: "Count", cell: (r) => <SuppressedValue row={r} kind="count" />, csv: (r) => formatPublishedCount(r), numeric: true },
                { header: "Rate per 10,000", cell: (r) => <SuppressedValue row={r} kind="rate" />, csv: (r) => formatPublishedRate(r), numeric: true },
                { header: "Against region", cell: (r) => againstRegion(r, benchmark.regionRate), csv: (r) => againstRegion(r, benchmark.regionRate) },
                { header: "Rank", cell: (r) => r.rank ?? "n/a", csv: (r) => r.rank, numeric: true },
                { header: "Outlier", cell: (r) => r.outlier ?? "", csv: (r) => r.outlier },
              ]}
            />
          </Section>
          {selected ? <NeighboursSection selected={selected} rows={rows} regionRate={benchmark.regionRate} onSelect={(authority) => go({ authority })} /> : null}
        </>
      ) : null}
    </article>
  );
}

/** The selected authority's rate beside its statistical neighbours' (as published, nearest first). */
function NeighboursSection({
  selected,
  rows,
  regionRate,
  onSelect,
}: {
  selected: Row;
  rows: readonly Row[];
  regionRate: string | null | undefined;
  onSelect: (authority: string) => void;
}) {
  const byCode = new Map(rows.map((r) => [r.authority.code, r]));
  // A neighbour with no published figure this year has no row: it is listed as not published.
  const neighbours = selected.authority.statisticalNeighbours.map((n, index) => ({ rank: index + 1, code: n.code, row: byCode.get(n.code) }));
  const compared: { who: string; row: Row | undefined; code: string; rank: number | null }[] = [
    { who: "selected", row: selected, code: selected.authority.code, rank: null },
    ...neighbours.map((n) => ({ who: "neighbour", row: n.row, code: n.code, rank: n.rank })),
  ];
  const charted = compared.filter((c) => c.row && !c.row.suppressed && c.row.rate);
  const withheld = compared.filter((c) => !c.row || c.row.suppressed || !c.row.rate);
  const nameOf = (c: { row: Row | undefined; code: string }) => c.row?.authority.name ?? c.code;
  return (
    <Section id="neighbours" title={`${selected.authority.name} and its statistical neighbours`}>
      <div className="page-tools no-print">
        <label htmlFor="authority">Authority</label>
        <select id="authority" value={selected.authority.code} onChange={(e) => onSelect(e.target.value)}>
          {rows.map((r) => (
            <option key={r.authority.code} value={r.authority.code}>
              {r.authority.name}
            </option>
          ))}
        </select>
      </div>
      {neighbours.length === 0 ? (
        <p className="note">No statistical neighbours are published for {selected.authority.name}.</p>
      ) : (
        <>
          <PlotFigure
            deps={[selected, rows]}
            description={`${selected.authority.name}'s rate ${formatPublishedRate(selected)} beside its ${neighbours.length} statistical neighbours; region rate ${
              regionRate ?? "n/a"
            }${withheld.length === 0 ? "" : `; suppressed or not published (not shown as zero): ${withheld.map(nameOf).join(", ")}`}.`}
            render={(width) =>
              Plot.plot({
                width,
                marginLeft: 170,
                height: 50 + charted.length * 22,
                x: { label: "rate per 10,000", grid: true },
                y: { label: null, domain: charted.map(nameOf) },
                color: { domain: ["selected", "neighbour"], range: ["#8a4b08", "#1d4f91"], legend: true },
                marks: [
                  Plot.barX(charted, { x: (c: (typeof charted)[number]) => Number(c.row!.rate), y: nameOf, fill: (c: (typeof charted)[number]) => c.who }),
                  regionRate ? Plot.ruleX([Number(regionRate)], { stroke: "#1b1f24", strokeWidth: 2 }) : null,
                ],
              })
            }
          />
          <DataTable
            caption={`${selected.authority.name} beside its statistical neighbours`}
            filename={`neighbours-${selected.authority.code}`}
            rows={compared}
            rowKey={(c) => `${c.who}-${c.code}`}
            columns={[
              { header: "Authority", cell: nameOf, csv: nameOf, rowHeader: true },
              { header: "Neighbour rank", cell: (c) => c.rank ?? "selected", csv: (c) => c.rank ?? "selected", numeric: true },
              {
                header: "Rate per 10,000",
                cell: (c) => (c.row ? <SuppressedValue row={c.row} kind="rate" /> : "not published"),
                csv: (c) => (c.row ? formatPublishedRate(c.row) : "not published"),
                numeric: true,
              },
              {
                header: "Against region",
                cell: (c) => (c.row ? againstRegion(c.row, regionRate) : "n/a"),
                csv: (c) => (c.row ? againstRegion(c.row, regionRate) : "n/a"),
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}
