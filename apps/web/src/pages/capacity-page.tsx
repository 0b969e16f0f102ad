import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Plot, PlotFigure } from "../components/plot-figure.js";
import { Section } from "../components/section.js";
import { ServerCsvButton } from "../components/server-csv-button.js";
import { StatGrid } from "../components/stat-grid.js";
import {
  CapacityForecastDocument,
  type CapacityForecastQuery,
  DemandAndCapacityDocument,
  type DemandAndCapacityQuery,
  WaitlistDocument,
} from "../graphql/graphql.js";
import { formatDate, mondayOf } from "../lib/dates.js";
import { sumDecimals } from "../lib/decimal.js";
import { formatDays, formatDaysNumber } from "../lib/format-days.js";
import { formatShare } from "../lib/format-share.js";
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
  const [demand] = useQuery({ query: DemandAndCapacityDocument, variables: { region, from, weeks } });
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
      <QueryError error={demand.error} />
      {demand.data ? <DemandAgainstCapacity demand={demand.data.demandAndCapacity} params={{ region, from, weeks }} /> : null}
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

type Demand = DemandAndCapacityQuery["demandAndCapacity"];

/** Rule 14 as the gateway decides it: demand (accepted outstanding + waitlisted) against the horizon's bookable days. */
function DemandAgainstCapacity({ demand, params }: { demand: Demand; params: { region: string; from: string; weeks: number } }) {
  // Running total of bookable days, added exactly from the gateway's weekly decimals.
  const cumulative = demand.weeks.map((w, i) => ({
    weekStart: w.weekStart,
    bookable: w.bookableDays,
    cumulative: sumDecimals(demand.weeks.slice(0, i + 1).map((x) => x.bookableDays)),
  }));
  const backlog = demand.backlogWeeks === null ? "n/a (no bookable capacity)" : `${demand.backlogWeeks} weeks`;
  return (
    <Section
      id="demand"
      title="Demand against capacity"
      intro="Demand is accepted and active engagements' estimates not yet delivered plus waitlisted requests; requests not yet decided are shown but not counted."
    >
      <div className="table-tools">
        <ServerCsvButton report="demand" params={params} text="Demand as CSV" />
      </div>
      <StatGrid
        label="Over the horizon"
        stats={[
          { id: "demand-days", label: "Demand", value: formatDays(demand.demandDays) },
          { id: "horizon-bookable", label: `Bookable days over ${demand.horizonWeeks} weeks`, value: formatDays(demand.bookableDays) },
          { id: "utilisation", label: "Demand / bookable", value: formatShare(demand.utilisation) },
          { id: "backlog", label: "Backlog at the average week", value: backlog },
          { id: "accepted-outstanding", label: "Accepted, not yet delivered", value: formatDays(demand.acceptedOutstandingDays) },
          { id: "horizon-waitlisted", label: "Waitlisted (estimates)", value: formatDays(demand.waitlistedDays) },
          { id: "requested", label: "Requested, not yet decided", value: formatDays(demand.requestedDays) },
        ]}
      />
      <PlotFigure
        deps={[demand]}
        description={`Over ${demand.horizonWeeks} weeks: demand ${demand.demandDays} days against ${demand.bookableDays} bookable days (${formatShare(
          demand.utilisation,
        )}); backlog ${backlog}. The table below has every week.`}
        render={(width) =>
          Plot.plot({
            width,
            marginBottom: 50,
            height: 280,
            x: { label: "week starting", tickRotate: -40, tickFormat: (d: string) => formatDate(d).replace(/ \d{4}$/, "") },
            y: { label: "days", grid: true },
            color: { domain: ["Bookable that week", "Bookable so far", "Demand"], range: ["#7fa7d6", "#1d4f91", "#a4161a"], legend: true },
            marks: [
              Plot.barY(cumulative, { x: "weekStart", y: (c) => Number(c.bookable), fill: () => "Bookable that week" }),
              Plot.lineY(cumulative, { x: "weekStart", y: (c) => Number(c.cumulative), stroke: () => "Bookable so far", strokeWidth: 2, marker: "dot" }),
              Plot.ruleY([Number(demand.demandDays)], { stroke: () => "Demand", strokeWidth: 2, strokeDasharray: "6 3" }),
              Plot.ruleY([0]),
            ],
          })
        }
      />
      <p className="note">Bars: bookable days each week across the advisers; blue line: bookable days so far; red dashed line: demand. Where the blue line crosses the red, the horizon has room for today's demand.</p>
      <DataTable
        caption="Bookable capacity against demand, week by week"
        filename="demand-against-capacity"
        rows={cumulative}
        rowKey={(c) => c.weekStart}
        columns={[
          { header: "Week", cell: (c) => formatDate(c.weekStart), csv: (c) => c.weekStart, rowHeader: true },
          { header: "Bookable", cell: (c) => formatDaysNumber(c.bookable), csv: (c) => c.bookable, numeric: true },
          { header: "Bookable so far", cell: (c) => formatDaysNumber(c.cumulative), csv: (c) => c.cumulative, numeric: true },
        ]}
      />
    </Section>
  );
}
