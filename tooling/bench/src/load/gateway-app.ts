import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@adviser-hub/persistence";
import { authSecret, createGateway, type ReadAhead, signToken } from "@adviser-hub/gateway";

// The gateway, exactly as `pnpm start` builds it, served in this process on 127.0.0.1 so that
// every SQL statement it sends can be counted (see sql-capture.ts).

let kyselyQueries = 0;
let answered = 0;

/** Requests the gateway finished answering, counted at its HTTP server. */
export const answeredRequests = (): number => answered;

/** Queries Kysely's log hook saw in this process: a second count, to check the pg-level one. */
export const kyselyQueryCount = (): number => kyselyQueries;

export interface RunningGateway {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export async function startGateway(
  databaseUrl: string,
  region = "london",
  options: { compiledExecution?: boolean; readAhead?: Partial<ReadAhead>; preparedStatements?: boolean } = {},
): Promise<RunningGateway> {
  // The benchmarks send their own operations, not the trusted ones: arbitrary operations allowed.
  const env = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: "bench-secret-that-is-at-least-32-characters",
    ALLOW_ARBITRARY_OPERATIONS: "1",
  };
  const database = await openDatabase({
    url: databaseUrl,
    maxConnections: 10,
    ...(options.preparedStatements === undefined ? {} : { preparedStatements: options.preparedStatements }),
    log: (event) => {
      if (event.level === "query" || event.level === "error") kyselyQueries += 1;
    },
  });
  const gateway = createGateway({
    db: database.db,
    env,
    logging: false,
    ...(options.compiledExecution === undefined ? {} : { compiledExecution: options.compiledExecution }),
    ...(options.readAhead === undefined ? {} : { readAhead: options.readAhead }),
  });
  const server: Server = createServer((request, response) => {
    response.on("finish", () => {
      answered += 1;
    });
    return gateway(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const token = await signToken({ role: "REGION_ADMIN", region, authority: null, funder: null }, authSecret(env), {
    expiresIn: "2h",
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    token,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
