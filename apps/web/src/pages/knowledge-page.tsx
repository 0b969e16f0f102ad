import { type FormEvent, useState } from "react";
import { useQuery } from "urql";
import type { SignedInViewer } from "../app.js";
import { DataTable } from "../components/data-table.js";
import { QueryError } from "../components/error-panel.js";
import { Section } from "../components/section.js";
import { StatGrid } from "../components/stat-grid.js";
import { LearningSearchDocument, OverdueRecommendationsDocument, ThemesAcrossBoroughsDocument } from "../graphql/graphql.js";
import { formatDays } from "../lib/format-days.js";
import { financialYear, label, measureLabels } from "../lib/labels.js";
import { href, navigate } from "../lib/router.js";

const yearChoices = [2010, 2011];
const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The knowledge hub: the learning library searched, the themes common to the boroughs (with
 * the benchmark measures where their authorities are outliers) and the recommendations overdue.
 * Three queries, so a section the viewer may not read shows the gateway's refusal on its own.
 */
export function KnowledgePage({ viewer, params }: { viewer: SignedInViewer; params: URLSearchParams }) {
  const region = viewer.region;
  const year = yearChoices.find((y) => String(y) === params.get("year")) ?? 2010;
  const minAuthorities = Math.max(1, Number.parseInt(params.get("min") ?? "3", 10) || 3);
  const search = params.get("q") ?? "";
  // The day the overdue list is judged on: asked in the address, else today on this device.
  const asOf = isDate(params.get("asOf")) ? params.get("asOf")! : new Date().toISOString().slice(0, 10);
  const go = (next: Record<string, string | number>) =>
    navigate(href("/knowledge", { year, min: minAuthorities, q: search || null, asOf: params.get("asOf"), ...next }));
  return (
    <article>
      <div className="page-title">
        <h1>Knowledge hub</h1>
      </div>
      <LearningSection region={region} search={search} onSearch={(q) => go({ q })} />
      <ThemesSection region={region} year={year} minAuthorities={minAuthorities} onChange={go} />
      <OverdueSection region={region} asOf={asOf} onChange={(next) => go({ asOf: next })} />
    </article>
  );
}

function LearningSection({ region, search, onSearch }: { region: string; search: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(search);
  const [{ data, error, fetching }] = useQuery({ query: LearningSearchDocument, variables: { region, query: search || null, first: 20 } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  const found = data?.searchLearningItems;
  return (
    <Section id="learning" title="Learning library" intro="Search titles and summaries: words, &quot;a phrase&quot;, -excluded, or.">
      <search>
      <form className="search-form no-print" onSubmit={submit}>
        <label htmlFor="learning-query">Search the library</label>
        <input id="learning-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      </search>
      <QueryError error={error} />
      {fetching && !found ? <p className="loading">Searching...</p> : null}
      {found ? (
        <>
          <p data-learning-total={found.totalCount}>
            {found.totalCount === 1 ? "1 item" : `${found.totalCount} items`}
            {search ? ` match "${search}"` : " in the library"}
            {found.totalCount > found.edges.length ? `, the best ${found.edges.length} shown` : ""}.
          </p>
          <DataTable
            caption={search ? `Learning items matching "${search}"` : "Learning items"}
            filename="learning-items"
            rows={found.edges}
            rowKey={(e) => e.node.code}
            empty="No item matches."
            columns={[
              { header: "Title", cell: (e) => e.node.title, csv: (e) => e.node.title, rowHeader: true },
              { header: "Kind", cell: (e) => e.node.kind, csv: (e) => e.node.kind },
              { header: "Themes", cell: (e) => e.node.themes.join(", "), csv: (e) => e.node.themes.join("; ") },
              { header: "Published", cell: (e) => e.node.publishedOn ?? "draft", csv: (e) => e.node.publishedOn },
              // The gateway marks the words found between « and »; shown as emphasis.
              { header: "Found", cell: (e) => (e.highlight ? <Highlight text={e.highlight} /> : ""), csv: (e) => e.highlight },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

function Highlight({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return <span>{parts.map((part, i) => (i % 2 === 1 ? <mark key={`${i}-${part}`}>{part}</mark> : part))}</span>;
}

function ThemesSection({
  region,
  year,
  minAuthorities,
  onChange,
}: { region: string; year: number; minAuthorities: number; onChange: (next: Record<string, number>) => void }) {
  const [{ data, error, fetching }] = useQuery({ query: ThemesAcrossBoroughsDocument, variables: { region, year, minAuthorities } });
  const report = data?.commonThemes;
  const common = report?.themes.filter((t) => t.common) ?? [];
  return (
    <Section
      id="themes"
      title={`Themes across the boroughs, ${financialYear(year)}`}
      intro="Each theme's engagements with work delivered in the year, the days delivered, the boroughs they were for, and the benchmark measures on which those boroughs are outliers."
    >
      <div className="page-tools no-print">
        <label htmlFor="themes-year">Year</label>
        <select id="themes-year" value={year} onChange={(e) => onChange({ year: Number.parseInt(e.target.value, 10) })}>
          {yearChoices.map((y) => (
            <option key={y} value={y}>
              {financialYear(y)}
            </option>
          ))}
        </select>
        <label htmlFor="themes-min">Common in at least</label>
        <select id="themes-min" value={minAuthorities} onChange={(e) => onChange({ min: Number.parseInt(e.target.value, 10) })}>
          {[2, 3, 5, 8, 10].map((n) => (
            <option key={n} value={n}>
              {n} boroughs
            </option>
          ))}
        </select>
      </div>
      <QueryError error={error} />
      {fetching && !report ? <p className="loading">Loading the themes...</p> : null}
      {report ? (
        <>
          <StatGrid
            label="Themes"
            stats={[
              { id: "themes", label: "Themes with work in the year", value: String(report.themes.length) },
              { id: "common-themes", label: `Common to ${report.minAuthorities} or more boroughs`, value: String(common.length) },
            ]}
          />
          <DataTable
            caption={`Themes across the boroughs, ${financialYear(year)}`}
            filename={`themes-${year}`}
            rows={report.themes}
            rowKey={(t) => t.theme}
            empty="No engagement with a theme had work delivered in the year."
            columns={[
              { header: "Theme", cell: (t) => t.theme, csv: (t) => t.theme, rowHeader: true },
              { header: "Boroughs", cell: (t) => t.authorityCount, csv: (t) => t.authorityCount, numeric: true },
              { header: "Common", cell: (t) => (t.common ? "common" : ""), csv: (t) => (t.common ? "yes" : "no") },
              { header: "Engagements", cell: (t) => t.engagements, csv: (t) => t.engagements, numeric: true },
              { header: "Days delivered", cell: (t) => formatDays(t.daysDelivered), csv: (t) => t.daysDelivered, numeric: true },
              {
                header: "Outliers",
                cell: (t) => t.outliers.map((o) => `${o.authority.name}: ${label(measureLabels, o.measure)} ${o.outlier.toLowerCase()}`).join("; "),
                csv: (t) => t.outliers.map((o) => `${o.authority.code} ${o.measure} ${o.outlier}`).join("; "),
              },
            ]}
          />
        </>
      ) : null}
    </Section>
  );
}

function OverdueSection({ region, asOf, onChange }: { region: string; asOf: string; onChange: (asOf: string) => void }) {
  const [{ data, error, fetching }] = useQuery({ query: OverdueRecommendationsDocument, variables: { region, asOf } });
  const overdue = data?.overdueRecommendations;
  return (
    <Section id="overdue" title={`Recommendations overdue on ${asOf}`} intro="Case review recommendations still outstanding past their due date, oldest due first.">
      <div className="page-tools no-print">
        <label htmlFor="overdue-as-of">As of</label>
        <input id="overdue-as-of" type="date" value={asOf} onChange={(e) => (isDate(e.target.value) ? onChange(e.target.value) : undefined)} />
      </div>
      <QueryError error={error} />
      {fetching && !overdue ? <p className="loading">Loading the recommendations...</p> : null}
      {overdue ? (
        <DataTable
          caption={`Recommendations overdue on ${asOf}`}
          filename={`overdue-recommendations-${asOf}`}
          rows={overdue}
          rowKey={(r) => r.code}
          empty="None overdue."
          columns={[
            { header: "Review", cell: (r) => r.caseReviewTitle, csv: (r) => r.caseReviewTitle, rowHeader: true },
            { header: "No.", cell: (r) => r.position, csv: (r) => r.position, numeric: true },
            { header: "Recommendation", cell: (r) => r.text, csv: (r) => r.text },
            { header: "Owner", cell: (r) => r.ownerName, csv: (r) => r.ownerName },
            { header: "Due", cell: (r) => r.dueOn, csv: (r) => r.dueOn },
            { header: "Status", cell: (r) => r.status, csv: (r) => r.status },
          ]}
        />
      ) : null}
    </Section>
  );
}
