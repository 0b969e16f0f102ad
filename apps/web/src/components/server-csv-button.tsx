import { useState } from "react";
import { downloadServerCsv } from "../lib/export-download.js";
import { href } from "../lib/router.js";
import { readToken } from "../lib/session.js";

/** Downloads the server's CSV of a report: the same file a spreadsheet can fetch with a token. */
export function ServerCsvButton({ report, params, text }: { report: string; params: Record<string, string | number>; text: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const path = href(`/export/${report}.csv`, params);
  const filename = `${[report, ...Object.values(params)].join("-")}.csv`;
  return (
    <span className="server-csv no-print">
      <button
        type="button"
        className="secondary"
        data-server-csv={report}
        onClick={() => {
          setProblem(null);
          downloadServerCsv(readToken(), path, filename).catch((error: Error) => setProblem(error.message));
        }}
      >
        {text}
      </button>
      {problem ? (
        <span role="alert" className="inline-error">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
