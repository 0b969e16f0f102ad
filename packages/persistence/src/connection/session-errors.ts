import type pg from "pg";

/**
 * Keeps a dying server session from taking the process with it, and says so once.
 *
 * `pg` emits 'error' on a client whose connection fails outside a query. The pool listens only
 * while the client is idle in the pool; a client checked out between statements (a transaction
 * awaiting the application) has no listener, and an unhandled 'error' event ends the process.
 * So every client gets a listener for its whole life. A failed client is not queryable any
 * more, and the pool drops it when it is released; idle ones the pool drops itself. New
 * sessions are opened on demand, which is how the pool recovers when the server returns.
 *
 * `onError` (default: one line on stderr) hears the first failure of an outage; the rest are
 * the same news, until a session connects again.
 */
export function watchSessions(pool: pg.Pool, onError: (error: Error) => void = logOneLine): void {
  let inOutage = false;
  const report = (error: Error) => {
    if (inOutage) return;
    inOutage = true;
    onError(error);
  };
  pool.on("connect", (client) => {
    inOutage = false;
    client.on("error", report);
  });
  pool.on("error", report);
}

function logOneLine(error: Error): void {
  const code = (error as { code?: unknown }).code;
  process.stderr.write(
    `database session lost (${error.message}${typeof code === "string" ? `, ${code}` : ""}); ` +
      "dropped, new sessions open on next use\n",
  );
}
