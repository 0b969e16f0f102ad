import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Plot, PlotFigure } from "../components/plot-figure.js";
import { Section } from "../components/section.js";
import { ServerCsvButton } from "../components/server-csv-button.js";
import { StatGrid } from "../components/stat-grid.js";
import { BoroughOrganisationsDocument, BoroughQuotaDocument, type BoroughQuotaQuery, RegionDirectoryDocument } from "../graphql/graphql.js";
import { formatDate } from "../lib/dates.js";
import { formatDays, formatDaysNumber } from "../lib/format-days.js";
import { formatMoney } from "../lib/format-money.js";
import { financialYear, label, strandLabels } from "../lib/labels.js";
import { href, navigate } from "../lib/router.js";
import { RequestEngagementForm } from "./request-engagement-form.js";

const yearChoices = [2010, 2011];

/**
 * A borough's year: free days used and remaining, every delivery's free and charged part,
 * its issued statements with their adjustments, and a request form. Whether the viewer may
 * see a holder is the gateway's decision; a refusal is shown as the gateway's error.
 */
export function BoroughPage({ viewer, params }: { viewer: SignedInViewer; params: URLSearchParams }) {
  const region = viewer.region;
  const holder = params.get("authority") ?? viewer.authority ?? "";
  const year = Number.parseInt(params.get("year") ?? "2010", 10) || 2010;
  const [directory] = useQuery({ query: RegionDirectoryDocument, variables: { region } });
  const authorities = directory.data?.region?.authorities.edges.map((e) => e.node) ?? [];
  const chosen = authorities.find((a) => a.code === holder);
  const [quota] = useQuery({ query: BoroughQuotaDocument, variables: { region, holder, year }, pause: holder === "" });
  const [organisations] = useQuery({ query: BoroughOrganisationsDocument, variables: { id: chosen?.id ?? "" }, pause: !chosen });
  const statement = quota.data?.quotaStatement;
  const authority = organisations.data?.node?.__typename === "Authority" ? organisations.data.node : null;
  const go = (next: { authority?: string; year?: number }) =>
    navigate(href("/borough", { authority: next.authority ?? (holder || null), year: next.year ?? year }));

  return (
    <article className="borough-page">
      <div className="page-title">
        <h1>
          {statement ? statement.holderName : (chosen?.name ?? "Borough")}: free days and charges, {financialYear(year)}
        </h1>
        <div className="page-tools no-print">
          {viewer.role === "AUTHORITY" ? null : (
            <>
              <label htmlFor="authority">Authority</label>
              <select id="authority" value={holder} onChange={(e) => go({ authority: e.target.value })}>
                <option value="">Choose an authority</option>
                {authorities.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor="year">Financial year</label>
          <select id="year" value={year} onChange={(e) => go({ year: Number.parseInt(e.target.value, 10) })}>
            {yearChoices.map((y) => (
              <option key={y} value={y}>
                {financialYear(y)}
              </option>
            ))}
          </select>
          {holder ? <ServerCsvButton report="quota-statement" params={{ region, holder, year }} text="Deliveries as CSV" /> : null}
        </div>
      </div>
      {holder === "" ? <p>Choose an authority to see its free days and charges.</p> : null}
      <QueryError error={quota.error} />
      {quota.fetching && !statement ? <p className="loading">Loading the statement...</p> : null}
      {statement ? <QuotaSection statement={statement} /> : null}
      {statement ? (
        <Section id="statements" title="Statements issued">
          <QueryError error={organisations.error} />
          {authority ? <Statements organisations={authority.organisations} /> : null}
        </Section>
      ) : null}
      {statement && authority ? (
        <Section id="request" title="Request an engagement" intro="Ask the advisers for a piece of work for one of the area's organisations.">
          <RequestEngagementForm organisations={authority.organisations} />
        </Section>
      ) : null}
    </article>
  );
}

type Statement = BoroughQuotaQuery["quotaStatement"];

function QuotaSection({ statement }: { statement: Statement }) {
  const fy = financialYear(statement.year);
  return (
    <>
      <StatGrid
        label={`Free days ${fy}`}
        stats={[
          { id: "allowance", label: "Free allowance", value: formatDays(statement.allowanceDays) },
          { id: "used-free", label: "Free days used", value: formatDays(statement.usedFreeDays) },
          { id: "remaining-free", label: "Free days remaining", value: formatDays(statement.remainingFreeDays) },
          { id: "chargeable", label: "Days charged", value: formatDays(statement.chargeableDays) },
          { id: "charges", label: "Charges", value: statement.charges.formatted },
          { id: "delivered", label: "Days delivered (every strand)", value: formatDays(statement.deliveredDays) },
        ]}
      />
      <PlotFigure
        deps={[statement]}
        description={`Free allowance ${statement.allowanceDays} days: ${statement.usedFreeDays} used, ${statement.remainingFreeDays} remaining; ${statement.chargeableDays} days charged.`}
        render={(width) =>
          Plot.plot({
            width,
            height: 90,
            marginLeft: 20,
            x: { label: "days", grid: true },
            color: { domain: ["Free used", "Free remaining", "Charged"], range: ["#1d4f91", "#dbe4ee", "#8a4b08"], legend: true },
            marks: [
              Plot.barX(
                [
                  { part: "Free used", days: Number(statement.usedFreeDays) },
                  { part: "Free remaining", days: Number(statement.remainingFreeDays) },
                  { part: "Charged", days: Number(statement.chargeableDays) },
                ],
                Plot.stackX({ x: "days", fill: "part" }),
              ),
            ],
          })
        }
      />
      <Section id="lines" title="Every delivery's free and charged part">
        <DataTable
          caption={`Deliveries to ${statement.holderName}, ${fy}`}
          filename={`deliveries-${statement.holder}-${statement.year}`}
          rows={statement.lines}
          rowKey={(l) => l.deliveryCode}
          empty="No deliveries in this year."
          columns={[
            { header: "Date", cell: (l) => formatDate(l.date), csv: (l) => l.date },
            { header: "Organisation", cell: (l) => l.organisationName, csv: (l) => l.organisationName },
            { header: "Engagement", cell: (l) => l.engagementTitle, csv: (l) => `${l.engagementCode} ${l.engagementTitle}` },
            { header: "Strand", cell: (l) => label(strandLabels, l.strand), csv: (l) => l.strand },
            { header: "Days", cell: (l) => formatDaysNumber(l.days), csv: (l) => l.days, numeric: true },
            { header: "Free", cell: (l) => formatDaysNumber(l.freeDays), csv: (l) => l.freeDays, numeric: true },
            { header: "Charged", cell: (l) => formatDaysNumber(l.chargeableDays), csv: (l) => l.chargeableDays, numeric: true },
            { header: "Day rate", cell: (l) => formatMoney(l.dayRate), csv: (l) => l.dayRate?.formatted ?? null, numeric: true },
            { header: "Charge", cell: (l) => l.charge.formatted, csv: (l) => l.charge.formatted, numeric: true },
          ]}
          footer={
            <tr>
              <th scope="row" colSpan={4}>
                Year
              </th>
              <td className="numeric">{formatDaysNumber(statement.deliveredDays)}</td>
              <td />
              <td className="numeric">{formatDaysNumber(statement.chargeableDays)}</td>
              <td />
              <td className="numeric">{statement.charges.formatted}</td>
            </tr>
          }
        />
      </Section>
    </>
  );
}

type Organisation = NonNullable<
  Extract<NonNullable<import("../graphql/graphql.js").BoroughOrganisationsQuery["node"]>, { __typename: "Authority" }>
>["organisations"][number];

function Statements({ organisations }: { organisations: readonly Organisation[] }) {
  const statements = organisations.flatMap((o) => o.statements.map((s) => ({ ...s, organisation: o.name })));
  const adjustments = statements.flatMap((s) => s.adjustments.map((a) => ({ ...a, statement: s.code, organisation: s.organisation })));
  return (
    <>
      <DataTable
        caption="Statements issued to the area's organisations"
        filename="statements"
        rows={statements}
        rowKey={(s) => s.code}
        empty="No statement has been issued to the area's organisations."
        columns={[
          { header: "Statement", cell: (s) => s.code, csv: (s) => s.code, rowHeader: true },
          { header: "Organisation", cell: (s) => s.organisation, csv: (s) => s.organisation },
          { header: "Period", cell: (s) => `${s.period} (${formatDate(s.periodStart)} to ${formatDate(s.periodEnd)})`, csv: (s) => s.period },
          { header: "Issued", cell: (s) => formatDate(s.issuedAt), csv: (s) => s.issuedAt },
          { header: "Charges", cell: (s) => s.charges.formatted, csv: (s) => s.charges.formatted, numeric: true },
          { header: "Adjustments", cell: (s) => s.adjustmentsTotal.formatted, csv: (s) => s.adjustmentsTotal.formatted, numeric: true },
          { header: "Total", cell: (s) => s.total.formatted, csv: (s) => s.total.formatted, numeric: true },
        ]}
      />
      <DataTable
        caption="Adjustments for earlier periods"
        filename="statement-adjustments"
        rows={adjustments}
        rowKey={(a) => `${a.statement}-${a.period}`}
        empty="No adjustments: nothing billed earlier has been corrected."
        columns={[
          { header: "On statement", cell: (a) => a.statement, csv: (a) => a.statement, rowHeader: true },
          { header: "Organisation", cell: (a) => a.organisation, csv: (a) => a.organisation },
          { header: "Period adjusted", cell: (a) => a.period, csv: (a) => a.period },
          { header: "Billed", cell: (a) => a.billed.formatted, csv: (a) => a.billed.formatted, numeric: true },
          { header: "Recomputed", cell: (a) => a.recomputed.formatted, csv: (a) => a.recomputed.formatted, numeric: true },
          { header: "Adjustment", cell: (a) => a.amount.formatted, csv: (a) => a.amount.formatted, numeric: true },
        ]}
      />
    </>
  );
}
