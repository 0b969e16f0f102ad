import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import type { GatewayMetrics } from "./metrics.js";
import { currentRecord } from "./request-context.js";

interface Operation {
  readonly type: string;
  readonly field: string;
  readonly name: string | null;
}

/**
 * Watches each GraphQL request for the logs and the metrics: the operation (its type, first
 * root field and the client's name for it), the viewer's role and region, the codes of the
 * errors returned, and the time from request to result. Errors before execution (a bad token,
 * a rate limit, a query too deep) are counted too: they reach the result like any other.
 */
export function graphqlObserver(metrics: GatewayMetrics | undefined, now: () => number = performance.now.bind(performance)): Plugin<GatewayContext> {
  const started = new WeakMap<Request, number>();
  const operations = new WeakMap<Request, Operation>();
  return {
    onRequest({ request }) {
      started.set(request, now());
    },
    onContextBuilding() {
      return ({ context }) => {
        const record = currentRecord();
        const viewer = (context as Partial<GatewayContext>).viewer;
        if (record && viewer) record.viewer = { role: viewer.role, region: viewer.region };
      };
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const operation = describe(args.document, args.operationName);
      if (request) operations.set(request, operation);
      const record = currentRecord();
      if (record) {
        record.operationName = operation.name;
        record.operationType = operation.type;
      }
    },
    onResultProcess({ request, result }) {
      const results = (Array.isArray(result) ? result : [result]) as ExecutionResult[];
      const record = currentRecord();
      for (const single of results) {
        for (const error of (single?.errors ?? []) as GraphQLError[]) {
          const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
          metrics?.errors.inc({ code });
          if (record && !record.errorCodes.includes(code)) record.errorCodes.push(code);
        }
      }
      const start = started.get(request);
      if (metrics && start !== undefined) {
        const operation = operations.get(request) ?? { type: "none", field: "none" };
        metrics.operationDuration.observe({ type: operation.type, field: operation.field }, (now() - start) / 1000);
      }
    },
  };
}

function describe(document: DocumentNode, operationName: string | null | undefined): Operation {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { type: "none", field: "none", name: operationName ?? null };
  const first = operation.selectionSet.selections.find((selection) => selection.kind === "Field");
  return {
    type: operation.operation,
    field: first?.kind === "Field" ? first.name.value : "none",
    name: operation.name?.value ?? operationName ?? null,
  };
}
