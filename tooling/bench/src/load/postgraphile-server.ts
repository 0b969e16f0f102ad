import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { postgraphile } from "postgraphile";

// The peer: PostGraphile v4 (4.14.x, the last line that runs on Node 20) serving the same
// database in this process, on 127.0.0.1, with a pool of the same size as the gateway's.
// Its pool is made with this package's `pg`, so the statements it sends are counted by the
// same capture as the gateway's (sql-capture.ts). Production-like settings: no GraphiQL, no
// query log, no watch, no extended errors.

export interface PostGraphileServer {
  readonly url: string;
  /** A signed token with the claims a gateway viewer has; PostGraphile verifies it per request. */
  readonly token: string;
  /** Requests answered so far. */
  answered(): number;
  close(): Promise<void>;
}

const SECRET = "bench-postgraphile-secret-at-least-32-characters";

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** An HS256 JWT: the whole of what PostGraphile's `jsonwebtoken` verification needs. */
function signHs256(claims: Record<string, unknown>, secret: string): string {
  const head = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${base64url(createHmac("sha256", secret).update(head).digest())}`;
}

export async function startPostGraphile(databaseUrl: string, region = "london"): Promise<PostGraphileServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const handler = postgraphile(pool, "public", {
    graphqlRoute: "/graphql",
    graphiql: false,
    disableQueryLog: true,
    watchPg: false,
    retryOnInitFail: false,
    ignoreRBAC: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    disableDefaultMutations: true,
    jwtSecret: SECRET,
  });
  let answered = 0;
  const server: Server = createServer((request, response) => {
    response.on("finish", () => {
      answered += 1;
    });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const now = Math.floor(Date.now() / 1000);
  // Claims become `jwt.claims.*` settings: PostGraphile then runs each request in a transaction
  // that sets them first, as row-level security would need. No `role` claim: no role switch.
  const token = signHs256(
    { aud: "postgraphile", iat: now, exp: now + 7200, viewer_role: "REGION_ADMIN", region },
    SECRET,
  );
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    token,
    answered: () => answered,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.release();
      await pool.end();
    },
  };
}
