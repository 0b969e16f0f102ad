import { backends, createTestDatabase, insertMinimalRegion, type TestDatabase } from "@adviser-hub/persistence/testing";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, tokenFor } from "../testing/harness.js";
import { createGateway, type Gateway } from "../yoga.js";
import { sqlSpans, startTracing, type Tracing, tracingEnabled, tracingPlugin } from "./tracing.js";

describe("tracingEnabled", () => {
  it("is off by default and on with the standard OTEL_* variables", () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "otlp" })).toBe(true);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: "none", OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(false);
    expect(tracingEnabled({ OTEL_SDK_DISABLED: "true", OTEL_TRACES_EXPORTER: "otlp" })).toBe(false);
    expect(startTracing({})).toBeNull();
  });
});

describe.each(backends())("traces of a GraphQL operation on %s", (backend) => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let database: TestDatabase;
  let gateway: Gateway;

  beforeAll(async () => {
    tracing = startTracing({}, exporter)!;
    database = await createTestDatabase(backend, { log: sqlSpans(tracing.tracer) });
    await insertMinimalRegion(database.db);
    gateway = createGateway({ db: database.db, env: { NODE_ENV: "test" }, plugins: [tracingPlugin(tracing.tracer)] });
  });
  afterAll(async () => {
    await database?.close();
    await tracing?.shutdown();
  });

  it("has spans for parse, validate and execute inside the operation, and each SQL statement inside execute", async () => {
    await tracing.flush();
    exporter.reset();
    const token = await tokenFor({ role: "REGION_ADMIN", region: "test" });
    const response = await execute(gateway, 'query RegionName { region(code: "test") { code name } }', { token });
    expect(response.data).toEqual({ region: { code: "test", name: "Test region" } });
    await tracing.flush();
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((span) => span.name === name);
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    const [operation] = named("graphql.operation");
    expect(operation).toBeDefined();
    for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) {
      expect(named(phase)).toHaveLength(1);
      expect(parentOf(named(phase)[0]!)).toBe(operation!.spanContext().spanId);
      expect(named(phase)[0]!.spanContext().traceId).toBe(operation!.spanContext().traceId);
    }
    const executeSpan = named("graphql.execute")[0]!;
    expect(executeSpan.attributes["graphql.operation.name"]).toBe("RegionName");
    const sql = spans.filter((span) => span.name.startsWith("sql "));
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) {
      expect(parentOf(statement)).toBe(executeSpan.spanContext().spanId);
      expect(statement.attributes["db.system"]).toBe("postgresql");
      // Parameterised SQL only: the region code asked for is a value, never in the trace.
      expect(String(statement.attributes["db.statement"])).not.toContain("'test'");
    }
  });
});
