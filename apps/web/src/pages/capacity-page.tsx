import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Plot, PlotFigure } from "../components/plot-figure.js";
import { Section } from "../components/section.js";
import { ServerCsvButton } from "../components/server-csv-button.js";
import { StatGrid } from "../components/stat-grid.js";
import { CapacityForecastDocument, type CapacityForecastQuery, WaitlistDocument } from "../graphql/graphql.js";
import { formatDate, mondayOf } from "../lib/dates.js";
import { sumDecimals } from "../lib/decimal.js";
import { formatDays, formatDaysNumber } from "../lib/format-days.js";
import { label, strandLabels } from "../lib/labels.js";
import { href, navigate } from "../lib/router.js";
import { type WeekState, weekState, weekStateText } from "../lib/week-state.js";

const weekChoices = [4, 13, 26, 52];
const stateColours: Record<WeekState, string> = {
  overbooked: "#a4161a",
  displaced: "#a34a0b",
  full: "#1d4f91",
  tentative: "#7fa7d6",
  confirmed: "#b7cde8",
  bookable: "#eef2f6",
  unavailable: "#9aa5b1",
};
const states = Object.keys(stateColours) as WeekState[];

type Week = CapacityForecastQuery["capacityForecast"][number];

/** Advisers by weeks, the waitlist, and demand against capacity over the horizon. */
export function CapacityPage({ viewer, params }: { viewer: SignedInViewer; params: URLSearchParams }) {
  const region = viewer.region;
  const from = mondayOf(params.get("from") ?? "2011-01-03");
  const weeks = Number.parseInt(params.get("weeks") ?? "13", 10) || 13;
  const [forecast] = useQuery({ query: CapacityForecastDocument, variables: { region, from, weeks } });
  const [waitlist] = useQuery({ query: WaitlistDocument, variables: { region } });
  const rows = forecast.data?.capacityForecast ?? [];
  const waiting = waitlist.data?.region?.engagements.edges.map((e) => e.node) ?? [];
  const go = (next: { from?: string; weeks?: number }) => navigate(href("/capacity", { from: next.from ?? from, weeks: next.weeks ?? weeks }));
  return (
    <article>
      <div className="page-title">
        <h1>Capacity from {formatDate(from)}</h1>
        <div className="page-tools no-print">
          <label htmlFor="from">From the week of</label>
          <input id="from" type="date" value={from} onChange={(e) => e.target.value && go({ from: e.target.value })} />
          <label htmlFor="weeks">Weeks</label>
          <select id="weeks" value={weeks} onChange={(e) => go({ weeks: Number.parseInt(e.target.value, 10) })}>
            {weekChoices.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </select>
          <ServerCsvButton report="capacity-forecast" params={{ region, from, weeks }} text="Weeks as CSV" />
        </div>
      </div>
      <QueryError error={forecast.error} />
      {forecast.fetching && rows.length === 0 ? <p className="loading">Loading capacity...</p> : null}
      {rows.length > 0 ? <Heatmap rows={rows} /> : null}
      {rows.length > 0 ? <DemandAgainstCapacity rows={rows} waitlisted={waiting.map((w) => w.estimate)} /> : null}
      <Section id="waitlist" title="Waitlist" intro="Requests agreed in principle and waiting for capacity, with the earliest week each could start.">
        <QueryError error={waitlist.error} />
        <div className="table-tools">
          <ServerCsvButton report="waitlist" params={{ region }} text="Waitlist as CSV" />
        </div>
        <DataTable
          caption={`Waitlisted requests (${waitlist.data?.region?.engagements.totalCount ?? 0})`}
          filename="waitlist"
          rows={waiting}
          rowKey={(w) => w.code}
          empty="Nothing is waiting for capacity."
          columns={[
            { header: "Engagement", cell: (w) => `${w.code}: ${w.title}`, csv: (w) => w.code, rowHeader: true },
            { header: "Organisation", cell: (w) => w.organisation.name, csv: (w) => w.organisation.name },
            { header: "Authority", cell: (w) => w.organisation.homeAuthority?.name ?? "region-wide", csv: (w) => w.organisation.homeAuthority?.code ?? null },
            { header: "Strand", cell: (w) => label(strandLabels, w.strand), csv: (w) => w.strand },
            { header: "Estimate (days)", cell: (w) => formatDaysNumber(w.estimate), csv: (w) => w.estimate, numeric: true },
            { header: "Earliest start", cell: (w) => formatDate(w.earliestStartWeek), csv: (w) => w.earliestStartWeek },
            { header: "Requested", cell: (w) => formatDate(w.requestedAt), csv: (w) => w.requestedAt },
          ]}
        />
      </Section>
    </article>
  );
}

function Heatmap({ rows }: { rows: readonly Week[] }) {
  const counts = states.map((s) => ({ s, n: rows.filter((w) => weekState(w) === s).length })).filter((c) => c.n > 0);
  return (
    <Section id="heatmap" title="Advisers by week" intro="Each cell: days booked (confirmed + tentative) of the week's bookable days.">
      <PlotFigure
        deps={[rows]}
        description={`${rows.length} adviser-weeks: ${counts.map((c) => `${c.n} ${weekStateText[c.s]}`).join(", ")}. The table below has every figure.`}
        render={(width) =>
          Plot.plot({
            width,
            marginLeft: 120,
            marginBottom: 50,
            height: 60 + new Set(rows.map((r) => r.adviser.code)).size * 44,
            x: { label: "week starting", tickRotate: -40, tickFormat: (d: string) => formatDate(d).replace(/ \d{4}$/, "") },
            y: { label: null },
            color: { domain: states.map((s) => weekStateText[s]), range: states.map((s) => stateColours[s]), legend: true },
            marks: [
              Plot.cell(rows, { x: "weekStart", y: (w: Week) => w.adviser.name, fill: (w: Week) => weekStateText[weekState(w)], inset: 1 }),
              Plot.text(rows, {
                x: "weekStart",
                y: (w: Week) => w.adviser.name,
                text: (w: Week) => `${sumDecimals([w.confirmedDays, w.tentativeDays])}/${w.bookableDays}`,
                fill: (w: Week) => (["overbooked", "displaced", "full"].includes(weekState(w)) ? "white" : "#1b1f24"),
                fontSize: 10,
              }),
            ],
          })
        }
      />
      <DataTable
        caption="Adviser weeks"
        filename="adviser-weeks"
        rows={rows}
        rowKey={(w) => `${w.adviser.code}-${w.weekStart}`}
        columns={[
          { header: "Adviser", cell: (w) => w.adviser.name, csv: (w) => w.adviser.name, rowHeader: true },
          { header: "Week", cell: (w) => formatDate(w.weekStart), csv: (w) => w.weekStart },
          { header: "State", cell: (w) => weekStateText[weekState(w)], csv: (w) => weekState(w) },
          { header: "Available", cell: (w) => formatDaysNumber(w.availableDays), csv: (w) => w.availableDays, numeric: true },
          { header: "Bookable", cell: (w) => formatDaysNumber(w.bookableDays), csv: (w) => w.bookableDays, numeric: true },
          { header: "Confirmed", cell: (w) => formatDaysNumber(w.confirmedDays), csv: (w) => w.confirmedDays, numeric: true },
          { header: "Tentative", cell: (w) => formatDaysNumber(w.tentativeDays), csv: (w) => w.tentativeDays, numeric: true },
          { header: "Overbooked", cell: (w) => formatDaysNumber(w.overbookedDays), csv: (w) => w.overbookedDays, numeric: true },
          { header: "Rapid response", cell: (w) => formatDaysNumber(w.rapidResponseDays), csv: (w) => w.rapidResponseDays, numeric: true },
          { header: "Displaced", cell: (w) => formatDaysNumber(w.displacedDays), csv: (w) => w.displacedDays, numeric: true },
        ]}
      />
    </Section>
  );
}

function DemandAgainstCapacity({ rows, waitlisted }: { rows: readonly Week[]; waitlisted: readonly string[] }) {
  const weeks = [...new Set(rows.map((r) => r.weekStart))].sort();
  // Totals over advisers for the chart, added exactly from the gateway's per-adviser figures.
  const totals = weeks.map((weekStart) => {
    const of = rows.filter((r) => r.weekStart === weekStart);
    return {
      weekStart,
      bookable: sumDecimals(of.map((r) => r.bookableDays)),
      confirmed: sumDecimals(of.map((r) => r.confirmedDays)),
      tentative: sumDecimals(of.map((r) => r.tentativeDays)),
    };
  });
  const horizon = {
    bookable: sumDecimals(totals.map((t) => t.bookable)),
    booked: sumDecimals(totals.flatMap((t) => [t.confirmed, t.tentative])),
    waitlisted: sumDecimals([...waitlisted]),
  };
  const stacked = totals.flatMap((t) => [
    { weekStart: t.weekStart, kind: "Confirmed", days: Number(t.confirmed) },
    { weekStart: t.weekStart, kind: "Tentative", days: Number(t.tentative) },
  ]);
  return (
    <Section id="demand" title="Demand against capacity">
      <StatGrid
        label="Over the horizon"
        stats={[
          { id: "horizon-bookable", label: "Bookable days", value: formatDays(horizon.bookable) },
          { id: "horizon-booked", label: "Booked (confirmed + tentative)", value: formatDays(horizon.booked) },
          { id: "horizon-waitlisted", label: "Waiting on the waitlist (estimates)", value: formatDays(horizon.waitlisted) },
        ]}
      />
      <PlotFigure
        deps={[rows]}
        description={`Over ${weeks.length} weeks: ${horizon.bookable} bookable days, ${horizon.booked} booked, ${horizon.waitlisted} waitlisted.`}
        render={(width) =>
          Plot.plot({
            width,
            marginBottom: 50,
            height: 260,
            x: { label: "week starting", tickRotate: -40, tickFormat: (d: string) => formatDate(d).replace(/ \d{4}$/, "") },
            y: { label: "days", grid: true },
            color: { domain: ["Confirmed", "Tentative"], range: ["#1d4f91", "#7fa7d6"], legend: true },
            marks: [
              Plot.barY(stacked, { x: "weekStart", y: "days", fill: "kind" }),
              Plot.lineY(totals, { x: "weekStart", y: (t) => Number(t.bookable), stroke: "#a4161a", strokeWidth: 2, marker: "dot" }),
              Plot.ruleY([0]),
            ],
          })
        }
      />
      <p className="note">Bars: days booked each week; red line: bookable days across the advisers.</p>
      <DataTable
        caption="Demand against capacity, week by week"
        filename="demand-against-capacity"
        rows={totals}
        rowKey={(t) => t.weekStart}
        columns={[
          { header: "Week", cell: (t) => formatDate(t.weekStart), csv: (t) => t.weekStart, rowHeader: true },
          { header: "Bookable", cell: (t) => formatDaysNumber(t.bookable), csv: (t) => t.bookable, numeric: true },
          { header: "Confirmed", cell: (t) => formatDaysNumber(t.confirmed), csv: (t) => t.confirmed, numeric: true },
          { header: "Tentative", cell: (t) => formatDaysNumber(t.tentative), csv: (t) => t.tentative, numeric: true },
        ]}
      />
    </Section>
  );
}
