import type { IncomingMessage, ServerResponse } from "node:http";
import Papa from "papaparse";
import type { Gateway } from "../yoga.js";
import { executeOperation } from "./execute-operation.js";
import { type ExportReport, exportReports } from "./export-reports.js";
import { sendError, statusForCode } from "./respond.js";

const exportPath = /^\/export\/([a-z-]+)\.csv$/;

export function isExportPath(path: string): boolean {
  return path.startsWith("/export/");
}

/**
 * `GET /export/<report>.csv?...`: runs the report's GraphQL operation through the gateway
 * with the caller's own Authorization header, so the scope checks are those of /graphql by
 * construction, then writes the rows with papaparse. A GraphQL error is answered as JSON with
 * the matching status (401, 403, 400), never as an empty spreadsheet.
 */
export async function handleCsvExport(gateway: Gateway, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return sendError(response, 405, `${request.method} is not allowed on ${url.pathname}`);
  }
  const name = exportPath.exec(url.pathname)?.[1];
  const report = name ? exportReports[name] : undefined;
  if (!name || !report) {
    return sendError(response, 404, `No such export; try ${Object.keys(exportReports).map((n) => `/export/${n}.csv`).join(", ")}`);
  }
  const variables = readParameters(report, url.searchParams);
  if ("field" in variables) return sendError(response, 400, variables.message, { field: variables.field });
  const result = await executeOperation<never>(gateway, request.headers.authorization ?? null, report.query, variables.values);
  const error = result.errors?.[0];
  if (error || !result.data) {
    const code = error?.extensions?.code;
    return sendError(response, statusForCode(code), error?.message ?? "The report returned no data", error?.extensions ?? {});
  }
  const csv = Papa.unparse({ fields: [...report.columns], data: report.rows(result.data) }, { newline: "\r\n" });
  const filename = [name, ...url.searchParams.values()].join("-").replace(/[^A-Za-z0-9_.-]/g, "_");
  response.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}.csv"`,
    "cache-control": "private, no-store",
  });
  response.end(request.method === "HEAD" ? undefined : `${csv}\r\n`);
}

type Parameters =
  | { readonly values: Record<string, string | number> }
  | { readonly field: string; readonly message: string };

function readParameters(report: ExportReport, search: URLSearchParams): Parameters {
  const values: Record<string, string | number> = {};
  for (const parameter of report.parameters) {
    const text = search.get(parameter.name) ?? parameter.default;
    if (text === undefined || text === "") return { field: parameter.name, message: `${parameter.name} is required` };
    if (parameter.kind === "int") {
      if (!/^-?\d{1,9}$/.test(text)) return { field: parameter.name, message: `${parameter.name} must be a whole number` };
      values[parameter.name] = Number.parseInt(text, 10);
    } else if (parameter.kind === "date") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { field: parameter.name, message: `${parameter.name} must be a date (YYYY-MM-DD)` };
      values[parameter.name] = text;
    } else {
      values[parameter.name] = text;
    }
  }
  return { values };
}
