import { context, type Span, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { LogEvent } from "kysely";

export const TRACER_NAME = "@adviser-hub/gateway";

/**
 * Tracing is off unless the standard OpenTelemetry variables ask for it: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or
 * `OTEL_TRACES_EXPORTER=otlp`; `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` wins.
 * The exporter reads the rest itself (headers, protocol, timeout); `OTEL_SERVICE_NAME` names
 * the service and `OTEL_TRACES_SAMPLER` samples as the specification says.
 */
export function tracingEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === "true") return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter === "none") return false;
  return exporter === "otlp" || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Tracing {
  readonly tracer: Tracer;
  /** Exports the spans ended so far. */
  flush(): Promise<void>;
  /** Flushes spans not yet exported and stops (graceful shutdown). */
  shutdown(): Promise<void>;
}

/** Starts a tracer provider exporting over OTLP/HTTP, or null when tracing is off. */
export function startTracing(env: NodeJS.ProcessEnv, exporter?: SpanExporter): Tracing | null {
  if (!exporter && !tracingEnabled(env)) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME || "adviser-hub-gateway" }),
    spanProcessors: [new BatchSpanProcessor(exporter ?? new OTLPTraceExporter())],
  });
  // Registers the AsyncLocalStorage context manager, so SQL spans find their operation's span.
  provider.register();
  return { tracer: provider.getTracer(TRACER_NAME), flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

function ended<T>(span: Span, work: () => T): T {
  const fail = (error: unknown) => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    fail(error);
    span.end();
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        fail(error);
        span.end();
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}

/** Runs `work` inside a new active span, so spans started within it (SQL) become its children. */
function inSpan<T>(tracer: Tracer, name: string, work: () => T): T {
  const span = tracer.startSpan(name);
  return context.with(trace.setSpan(context.active(), span), () => ended(span, work));
}

/**
 * Spans for each GraphQL operation and its parse, validate and execute phases, through Yoga's
 * instrumentation hooks (which wrap each phase, so the execute span is active while the
 * resolvers and their SQL run). Span names carry no query text or variables.
 */
export function tracingPlugin(tracer: Tracer): Plugin {
  return {
    instrumentation: {
      operation: (_payload, wrapped) => inSpan(tracer, "graphql.operation", wrapped),
      parse: (_payload, wrapped) => inSpan(tracer, "graphql.parse", wrapped),
      validate: (_payload, wrapped) => inSpan(tracer, "graphql.validate", wrapped),
      execute: (_payload, wrapped) => inSpan(tracer, "graphql.execute", wrapped),
    },
    onExecute({ args }) {
      const span = trace.getActiveSpan();
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation) span.setAttribute("graphql.operation.type", operation.operation);
      const name = operation?.name?.value ?? args.operationName;
      if (name) span.setAttribute("graphql.operation.name", name);
    },
  };
}

/**
 * A Kysely `log` listener that records each SQL statement as a span, child of whatever span was
 * active when it ran, timed from Kysely's own measure. The statement is the parameterised SQL
 * (`$1`, `$2`): values never reach the trace.
 */
export function sqlSpans(tracer: Tracer): (event: LogEvent) => void {
  return (event) => {
    const end = Date.now();
    const verb = /^\s*(\w+)/.exec(event.query.sql)?.[1]?.toLowerCase() ?? "sql";
    const span = tracer.startSpan(
      `sql ${verb}`,
      {
        startTime: end - event.queryDurationMillis,
        attributes: { "db.system": "postgresql", "db.statement": event.query.sql },
      },
      context.active(),
    );
    if (event.level === "error") span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  };
}
