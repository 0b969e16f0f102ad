import { type FormEvent, useState } from "react";
import { useMutation } from "urql";
import { ErrorPanel, type GatewayProblem, problemsOf } from "../components/error-panel.js";
import { RequestEngagementDocument, type Strand } from "../graphql/graphql.js";
import { formatDate } from "../lib/dates.js";
import { formatDays } from "../lib/format-days.js";
import { label, strandLabels } from "../lib/labels.js";

const strands: Strand[] = ["PROJECT_SUPPORT", "RAPID_RESPONSE", "HOST_SUPPORT", "KNOWLEDGE_HUB", "STRATEGIC"];

/** Asks for a piece of work; the gateway's answer (or its typed error naming the field) is shown. */
export function RequestEngagementForm({ organisations }: { organisations: readonly { id: string; name: string }[] }) {
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [strand, setStrand] = useState<Strand>("PROJECT_SUPPORT");
  const [estimateDays, setEstimateDays] = useState("2");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [themes, setThemes] = useState("");
  const [problems, setProblems] = useState<GatewayProblem[]>([]);
  const [{ data, fetching }, request] = useMutation(RequestEngagementDocument);
  const result = data?.requestEngagement;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    const answer = await request({
      input: {
        organisationId,
        title,
        strand,
        estimateDays: estimateDays.trim(),
        startDate,
        ...(endDate ? { endDate } : {}),
        themes: themes
          .split(",")
          .map((t) => t.trim())
          .filter((t) => t.length > 0),
      },
    });
    if (answer.error) setProblems(problemsOf(answer.error));
    const typed = answer.data?.requestEngagement;
    if (typed && "code" in typed) {
      setProblems([{ message: typed.message, code: typed.code, field: "field" in typed ? typed.field : "notFoundField" in typed ? (typed.notFoundField ?? undefined) : undefined }]);
    }
  };

  const fieldError = (name: string) => problems.some((p) => p.field === `input.${name}` || p.field === name);
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorPanel problems={problems} title="The request was not made" />
      {result?.__typename === "RequestEngagementPayload" ? (
        <div className="success-panel" role="status">
          Requested <strong>{result.engagement.code}</strong> "{result.engagement.title}" ({formatDays(result.engagement.estimate)}):{" "}
          {result.waitlisted
            ? `waitlisted for capacity${result.engagement.earliestStartWeek ? `, earliest start the week of ${formatDate(result.engagement.earliestStartWeek)}` : ""}`
            : result.engagement.status.toLowerCase()}
          .
        </div>
      ) : null}
      <div className="form-grid">
        <div>
          <label htmlFor="req-organisation">Organisation</label>
          <select id="req-organisation" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} aria-invalid={fieldError("organisationId")}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="req-strand">Strand</label>
          <select id="req-strand" value={strand} onChange={(e) => setStrand(e.target.value as Strand)} aria-invalid={fieldError("strand")}>
            {strands.map((s) => (
              <option key={s} value={s}>
                {label(strandLabels, s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="req-title">What the work is</label>
          <input id="req-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={fieldError("title")} required />
        </div>
        <div>
          <label htmlFor="req-estimate">Estimated days</label>
          <input
            id="req-estimate"
            inputMode="decimal"
            value={estimateDays}
            onChange={(e) => setEstimateDays(e.target.value)}
            aria-invalid={fieldError("estimateDays")}
            aria-describedby="req-estimate-hint"
          />
          <p className="hint" id="req-estimate-hint">
            Whole or half days, e.g. 2.5
          </p>
        </div>
        <div>
          <label htmlFor="req-start">Planned start</label>
          <input id="req-start" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} aria-invalid={fieldError("startDate")} />
        </div>
        <div>
          <label htmlFor="req-end">Planned end (optional)</label>
          <input id="req-end" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} aria-invalid={fieldError("endDate")} />
        </div>
        <div>
          <label htmlFor="req-themes">Themes (comma-separated, optional)</label>
          <input id="req-themes" value={themes} onChange={(e) => setThemes(e.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={fetching || organisationId === ""}>
        Request the engagement
      </button>
    </form>
  );
}
