import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { type CapturedStatement, preparedName } from "./sql-capture.js";

// The floor: the least any server could do for the same request. A bare `node:http` handler
// sends exactly the statements the gateway sent for the operation (captured from it, same
// text, same parameters, the same statements in flight together), then answers the same JSON
// document. What is left between the two is the GraphQL pipeline and the application code.

export interface FloorRoute {
  readonly statements: readonly CapturedStatement[];
  /** The gateway's response body for the same operation, re-serialised on every request. */
  readonly response: unknown;
}

export interface FloorServer {
  readonly url: string;
  /** Requests answered so far. */
  answered(): number;
  close(): Promise<void>;
}

export interface FloorOptions {
  readonly databaseUrl: string;
  readonly routes: ReadonlyMap<string, FloorRoute>;
  readonly prepared: boolean;
  readonly poolSize: number;
}

function groupsOf(statements: readonly CapturedStatement[]): CapturedStatement[][] {
  const groups: CapturedStatement[][] = [];
  let last: number | undefined;
  for (const statement of statements) {
    if (statement.group !== last) {
      groups.push([]);
      last = statement.group;
    }
    groups[groups.length - 1]!.push(statement);
  }
  return groups;
}

function usesTransaction(statements: readonly CapturedStatement[]): boolean {
  return statements.some((s) => /^\s*(begin|start transaction)/i.test(s.sql));
}

export async function startFloorServer(options: FloorOptions): Promise<FloorServer> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const plans = new Map(
    [...options.routes].map(([path, route]) => [
      path,
      { groups: groupsOf(route.statements), transaction: usesTransaction(route.statements), route },
    ]),
  );

  const send = (client: pg.Pool | pg.PoolClient, statement: CapturedStatement) =>
    client.query(
      options.prepared && statement.values.length > 0
        ? { name: preparedName(statement.sql), text: statement.sql, values: [...statement.values] }
        : { text: statement.sql, values: [...statement.values] },
    );

  let answered = 0;
  const server: Server = createServer((request, response) => {
    response.on("finish", () => {
      answered += 1;
    });
    const plan = plans.get(request.url ?? "");
    // Read the body as a GraphQL server would, even though the route already says what to run.
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (plan === undefined) {
        response.writeHead(404).end();
        return;
      }
      JSON.parse(Buffer.concat(chunks).toString() || "{}");
      const run = async () => {
        if (plan.transaction) {
          const client = await pool.connect();
          try {
            for (const group of plan.groups) for (const statement of group) await send(client, statement);
          } finally {
            client.release();
          }
        } else {
          for (const group of plan.groups) await Promise.all(group.map((statement) => send(pool, statement)));
        }
        const body = JSON.stringify(plan.route.response);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(body);
      };
      run().catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered: () => answered,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
