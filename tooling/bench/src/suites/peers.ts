import { setTimeout } from "node:timers/promises";
import { ensureDataset } from "../generate/load-dataset.js";
import { NATIONAL } from "../generate/spec.js";
import { runLoad, type LoadResult } from "../load/autocannon.js";
import type { ReadAhead } from "@adviser-hub/gateway";
import { type GatewayProcess, startGatewayProcess } from "../load/gateway-child.js";
import { authHeaders, type GraphQLResponse, postOperation, requestBody } from "../load/graphql-request.js";
import { type LoadSettings, type MeasuredLoad, measure, median, medianLoad, operationContext } from "../load/harness.js";
import { engagementsPage, type Operation } from "../load/operations.js";
import { type PostGraphileServer, startPostGraphile } from "../load/postgraphile-server.js";
import { installSqlCapture } from "../load/sql-capture.js";
import { count, ms, ratio, type Section, table } from "../report/markdown.js";

// The gateway against a peer, PostGraphile v4, on the same national data, and the per-field
// levers of the gateway each alone and together. Every gateway variant runs in a process of its
// own (a Node flag differs between them); PostGraphile runs in this process, with and without
// JWT claims. Rounds alternate every server, so a change in the machine's load falls on all.

/** The young generation's semi-space size tried (MB); Node 20's default is 16 on 64-bit. */
export const SEMI_SPACE_MB = 64;

interface Variant {
  readonly name: string;
  readonly compiledExecution: boolean;
  readonly nodeFlags: readonly string[];
  /** The gateway's reads ahead (GatewayOptions.readAhead); all on when absent. */
  readonly readAhead?: Partial<ReadAhead>;
  /** More environment for the gateway's process. */
  readonly env?: Readonly<Record<string, string>>;
}

const semiSpace = `--max-semi-space-size=${SEMI_SPACE_MB}`;
const jitSemi = `graphql-jit + ${semiSpace}`;
/**
 * The first is the baseline of the lever ratios; READ_AHEAD_BASELINE the baseline of the
 * reads ahead, each alone and both; the last is what `pnpm start` runs.
 */
const VARIANTS: readonly Variant[] = [
  { name: "graphql-js, default young generation", compiledExecution: false, nodeFlags: [] },
  { name: "graphql-jit", compiledExecution: true, nodeFlags: [] },
  { name: semiSpace, compiledExecution: false, nodeFlags: [semiSpace] },
  { name: `${jitSemi}, no read-ahead`, compiledExecution: true, nodeFlags: [semiSpace], readAhead: { pageChildren: false, regionPolicies: false } },
  { name: `${jitSemi}, page children only`, compiledExecution: true, nodeFlags: [semiSpace], readAhead: { regionPolicies: false } },
  { name: `${jitSemi}, region policies only`, compiledExecution: true, nodeFlags: [semiSpace], readAhead: { pageChildren: false } },
  { name: `${jitSemi}, both reads ahead, unnamed statements`, compiledExecution: true, nodeFlags: [semiSpace], env: { DATABASE_PREPARED_STATEMENTS: "off" } },
  { name: `${jitSemi}, both reads ahead, prepared statements`, compiledExecution: true, nodeFlags: [semiSpace] },
];
const READ_AHEAD_BASELINE = 3;

interface PeerCase {
  readonly name: string;
  readonly gateway: Operation;
  readonly peer: Operation;
  /** The ids an answer holds, in order: equal lists mean the same rows. */
  readonly gatewayIds: (data: unknown) => string[];
  readonly peerIds: (data: unknown) => string[];
}

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Json)[key] : undefined), value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const peerPage = (region: string, first: number): Operation => ({
  name: "engagements (PostGraphile)",
  query: `query Engagements($region: String!, $first: Int!) {
  allEngagements(first: $first, condition: { regionCode: $region }, orderBy: PRIMARY_KEY_ASC) {
    totalCount
    edges {
      node {
        id
        title
        strand
        status
        organisationByRegionCodeAndOrganisationId { name kind }
        adviserByRegionCodeAndLeadAdviserId { name }
        deliveriesByRegionCodeAndEngagementId(condition: { removedAt: null }, orderBy: [DELIVERED_ON_ASC, RECORDED_SEQ_ASC]) {
          nodes { id deliveredOn units onSite }
        }
      }
    }
  }
}`,
  variables: { region, first },
});

const gatewayById = (id: string): Operation => ({
  name: "engagement by id",
  query: `query Engagement($id: ID!) {
  node(id: $id) { ... on Engagement { code title strand status organisation { name } leadAdviser { name } } }
}`,
  variables: { id },
});

const peerById = (region: string, id: string): Operation => ({
  name: "engagement by id (PostGraphile)",
  query: `query Engagement($region: String!, $id: String!) {
  engagementByRegionCodeAndId(regionCode: $region, id: $id) {
    id title strand status
    organisationByRegionCodeAndOrganisationId { name }
    adviserByRegionCodeAndLeadAdviserId { name }
  }
}`,
  variables: { region, id },
});

const pageIds = (edges: unknown, id: string, deliveries: (node: unknown) => unknown[], deliveryId: string, total: unknown) => [
  `total:${String(total)}`,
  ...list(edges).flatMap((edge) => {
    const node = at(edge, "node");
    return [String(at(node, id)), ...deliveries(node).map((d) => `  ${String(at(d, deliveryId))}`)];
  }),
];

/** Runs a fixed-duration load against a gateway process, with its CPU and answered counts. */
export async function measureProcess(gateway: GatewayProcess, operation: Operation, settings: LoadSettings): Promise<MeasuredLoad> {
  const load = {
    url: gateway.url,
    body: requestBody(operation),
    headers: authHeaders(gateway.token),
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  };
  await runLoad({ ...load, durationSeconds: 1 });
  await setTimeout(300);
  const before = await gateway.stats();
  const result: LoadResult = await runLoad(load);
  await setTimeout(300);
  const after = await gateway.stats();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${operation.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  const served = Math.max(after.answered - before.answered, 1);
  return { ...result, statementsPerRequest: null, cpuMsPerRequest: (after.cpuMicros - before.cpuMicros) / 1000 / served };
}

function failureOf(response: GraphQLResponse): string | null {
  if (response.errors && response.errors.length > 0) return response.errors.map((e) => e.message).join("; ");
  return response.data === undefined || response.data === null ? "no data" : null;
}

export async function runPeersSuite(settings: LoadSettings): Promise<{ sections: Section[] }> {
  const dataset = await ensureDataset(NATIONAL);
  const rounds = settings.rounds ?? 1;
  const context = await operationContext(dataset.url);
  installSqlCapture();
  const peer: PostGraphileServer = await startPostGraphile(dataset.url, context.region);
  const gateways: GatewayProcess[] = [];
  const peerRows: (string | number)[][] = [];
  const leverRows: (string | number)[][] = [];
  try {
    for (const variant of VARIANTS) {
      process.stderr.write(`peers: starting gateway process (${variant.name})\n`);
      gateways.push(
        await startGatewayProcess(dataset.url, {
          nodeFlags: variant.nodeFlags,
          compiledExecution: variant.compiledExecution,
          ...(variant.readAhead ? { readAhead: variant.readAhead } : {}),
          ...(variant.env ? { env: variant.env } : {}),
        }),
      );
    }
    const shipped = gateways[gateways.length - 1]!;

    // The lookup's id: the region's first engagement, as each side names it.
    const page = engagementsPage(context);
    const idQuery: Operation = {
      name: "ids",
      query: `query($region: String!) { region(code: $region) { engagements(first: 1) { edges { node { id code } } } } }`,
      variables: { region: context.region },
    };
    const ids = await postOperation(shipped.url, shipped.token, idQuery);
    const idFailure = failureOf(ids);
    if (idFailure !== null) throw new Error(`gateway engagement ids: ${idFailure}`);
    const idEdge = list(at(ids.data, "region", "engagements", "edges"))[0];

    const cases: PeerCase[] = [
      {
        name: "first 50 engagements with organisation, lead adviser, deliveries",
        gateway: page,
        peer: peerPage(context.region, 50),
        gatewayIds: (data) =>
          pageIds(
            at(data, "region", "engagements", "edges"),
            "code",
            (node) => list(at(node, "deliveries")),
            "code",
            at(data, "region", "engagements", "totalCount"),
          ),
        peerIds: (data) =>
          pageIds(
            at(data, "allEngagements", "edges"),
            "id",
            (node) => list(at(node, "deliveriesByRegionCodeAndEngagementId", "nodes")),
            "id",
            at(data, "allEngagements", "totalCount"),
          ),
      },
      {
        name: "engagement by id",
        gateway: gatewayById(String(at(idEdge, "node", "id"))),
        peer: peerById(context.region, String(at(idEdge, "node", "code"))),
        gatewayIds: (data) => [String(at(data, "node", "code")), String(at(data, "node", "status")), String(at(data, "node", "organisation", "name"))],
        peerIds: (data) => [
          String(at(data, "engagementByRegionCodeAndId", "id")),
          String(at(data, "engagementByRegionCodeAndId", "status")),
          String(at(data, "engagementByRegionCodeAndId", "organisationByRegionCodeAndOrganisationId", "name")),
        ],
      },
    ];

    for (const c of cases) {
      // Same answers before any timing: every gateway variant and the peer, with and without claims.
      const expected = await postOperation(shipped.url, shipped.token, c.gateway);
      const failure = failureOf(expected);
      if (failure !== null) throw new Error(`gateway ${c.name}: ${failure}`);
      const want = c.gatewayIds(expected.data);
      for (const gateway of gateways) {
        const got = c.gatewayIds((await postOperation(gateway.url, gateway.token, c.gateway)).data);
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${c.name}: gateway variants disagree`);
      }
      for (const token of [null, peer.token]) {
        const answer = await postOperation(peer.url, token, c.peer);
        const peerFailure = failureOf(answer);
        if (peerFailure !== null) throw new Error(`PostGraphile ${c.name}: ${peerFailure}`);
        const got = c.peerIds(answer.data);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          throw new Error(`${c.name}: PostGraphile answers other rows (${got.length} ids against ${want.length}; first ${got.slice(0, 3).join(",")} against ${want.slice(0, 3).join(",")})`);
        }
      }

      const byVariant: MeasuredLoad[][] = VARIANTS.map(() => []);
      const plain: MeasuredLoad[] = [];
      const withClaims: MeasuredLoad[] = [];
      for (let round = 1; round <= rounds; round++) {
        for (const [i, variant] of VARIANTS.entries()) {
          process.stderr.write(`peers: ${c.name}: gateway ${variant.name} (round ${round} of ${rounds})\n`);
          byVariant[i]!.push(await measureProcess(gateways[i]!, c.gateway, settings));
        }
        process.stderr.write(`peers: ${c.name}: PostGraphile (round ${round} of ${rounds})\n`);
        plain.push(await measure(peer.url, null, c.peer, settings, { counted: true, answered: peer.answered }));
        process.stderr.write(`peers: ${c.name}: PostGraphile with JWT claims (round ${round} of ${rounds})\n`);
        withClaims.push(await measure(peer.url, peer.token, c.peer, settings, { counted: true, answered: peer.answered }));
      }
      const shippedRuns = byVariant[byVariant.length - 1]!;
      const viaGateway = medianLoad(shippedRuns);
      const viaPeer = medianLoad(plain);
      const viaPeerClaims = medianLoad(withClaims);
      const against = (runs: readonly MeasuredLoad[]) =>
        median(shippedRuns.map((run, i) => run.requestsPerSecond / runs[i]!.requestsPerSecond));
      peerRows.push([
        c.name,
        count(viaGateway.requestsPerSecond),
        ms(viaGateway.p50Ms),
        ms(viaGateway.p99Ms),
        ms(viaGateway.cpuMsPerRequest),
        count(viaPeer.requestsPerSecond),
        ms(viaPeer.p99Ms),
        (viaPeer.statementsPerRequest ?? Number.NaN).toFixed(2),
        count(viaPeerClaims.requestsPerSecond),
        ms(viaPeerClaims.p99Ms),
        (viaPeerClaims.statementsPerRequest ?? Number.NaN).toFixed(2),
        ratio(against(plain)),
        ratio(against(withClaims)),
      ]);
      const baseline = byVariant[0]!;
      const withoutReadAhead = byVariant[READ_AHEAD_BASELINE]!;
      for (const [i, variant] of VARIANTS.entries()) {
        const runs = byVariant[i]!;
        const summary = medianLoad(runs);
        const cpuShare = summary.cpuMsPerRequest / medianLoad(withoutReadAhead).cpuMsPerRequest;
        leverRows.push([
          c.name,
          variant.name,
          count(summary.requestsPerSecond),
          ms(summary.p50Ms),
          ms(summary.p99Ms),
          ms(summary.cpuMsPerRequest),
          ratio(median(runs.map((run, r) => run.requestsPerSecond / baseline[r]!.requestsPerSecond))),
          i < READ_AHEAD_BASELINE ? "" : ratio(median(runs.map((run, r) => run.requestsPerSecond / withoutReadAhead[r]!.requestsPerSecond))),
          i < READ_AHEAD_BASELINE ? "" : ratio(cpuShare),
        ]);
      }
    }
  } finally {
    for (const gateway of gateways) await gateway.close();
    await peer.close();
  }

  const body = [
    `National data set, region \`${context.region}\`; ${settings.connections} connections, ${settings.durationSeconds} s per run after a 1 s warm-up, ${rounds} rounds alternating every server; figures are medians over the rounds, ratios the median of each round's ratio. Answers were checked equal first (the same engagements and deliveries, by id, and the same total). The gateway is the shipped configuration (graphql-jit, ${semiSpace}, both reads ahead, prepared statements) in a process of its own; PostGraphile 4.14.1 runs in the benchmark process with a pool of 10, with no token and with a signed JWT whose claims it sets per request. SQL/request counts PostGraphile's statements.`,
    "",
    table(
      [
        "operation",
        "gateway req/s",
        "p50 ms",
        "p99 ms",
        "CPU ms/request",
        "PostGraphile req/s",
        "p99 ms",
        "SQL/request",
        "PostGraphile + JWT req/s",
        "p99 ms",
        "SQL/request",
        "gateway / PostGraphile",
        "gateway / PostGraphile + JWT",
      ],
      peerRows,
    ),
  ].join("\n");
  const leversBody = [
    `The gateway's per-field levers on the same operations, each gateway variant in its own process, same rounds as above; "vs baseline" is the median of each round's req/s against graphql-js with Node's default young generation in the same round; "vs no read-ahead" the same against ${jitSemi} without reads ahead (the page's children and the region's policies each in statements of their own), and "CPU vs no read-ahead" its CPU per request against that variant's.`,
    "",
    table(
      ["operation", "variant", "req/s", "p50 ms", "p99 ms", "CPU ms/request", "vs baseline", "vs no read-ahead", "CPU vs no read-ahead"],
      leverRows,
    ),
  ].join("\n");
  return {
    sections: [
      { title: "Gateway against PostGraphile", body },
      { title: "Per-field levers: graphql-jit, the young generation and reads ahead", body: leversBody },
    ],
  };
}
