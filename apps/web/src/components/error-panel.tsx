import type { CombinedError } from "@urql/core";

export interface GatewayProblem {
  readonly message: string;
  readonly code?: string | undefined;
  readonly field?: string | undefined;
}

/** The gateway's errors as people read them: message, code and the field at fault. */
export function problemsOf(error: CombinedError): GatewayProblem[] {
  const problems: GatewayProblem[] = error.graphQLErrors.map((e) => ({
    message: e.message,
    code: typeof e.extensions?.code === "string" ? e.extensions.code : undefined,
    field: typeof e.extensions?.field === "string" ? e.extensions.field : undefined,
  }));
  if (error.networkError) problems.push({ message: `Could not reach the gateway: ${error.networkError.message}` });
  return problems;
}

export function ErrorPanel({ problems, title }: { problems: readonly GatewayProblem[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-panel" role="alert">
      <h2>{title ?? "The gateway refused this"}</h2>
      <ul className="error-list">
        {problems.map((problem) => (
          <li key={`${problem.code}-${problem.field}-${problem.message}`}>
            {problem.code ? <strong className="error-code">{problem.code}</strong> : null} {problem.message}
            {problem.field ? (
              <>
                {" "}
                (field <code>{problem.field}</code>)
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function QueryError({ error }: { error: CombinedError | undefined }) {
  return error ? <ErrorPanel problems={problemsOf(error)} /> : null;
}
