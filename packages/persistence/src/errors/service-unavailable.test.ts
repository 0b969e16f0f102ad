import { describe, expect, it } from "vitest";
import { asServiceUnavailable, isServiceUnavailable, ServiceUnavailableError } from "./service-unavailable.js";

const pgError = (code: string) => Object.assign(new Error("driver text"), { code });

describe("asServiceUnavailable", () => {
  it.each([
    [pgError("57P01"), "shutdown"], // admin shutdown (pg_ctl stop)
    [pgError("57P02"), "shutdown"], // crash shutdown
    [pgError("57P03"), "shutdown"], // the database system is starting up
    [pgError("08006"), "unreachable"], // connection failure
    [pgError("57014"), "timeout"], // statement_timeout
    [pgError("25P03"), "timeout"], // idle_in_transaction_session_timeout
    [pgError("53300"), "overloaded"], // too many connections
    [pgError("ECONNREFUSED"), "unreachable"],
    [pgError("ECONNRESET"), "unreachable"],
    [new Error("Connection terminated unexpectedly"), "unreachable"],
    [new Error("timeout exceeded when trying to connect"), "timeout"],
    [new Error("Client has encountered a connection error and is not queryable"), "unreachable"],
    [new AggregateError([pgError("ECONNREFUSED"), pgError("ECONNREFUSED")]), "unreachable"],
  ] as const)("maps %s to SERVICE_UNAVAILABLE (%s)", (error, reason) => {
    const mapped = asServiceUnavailable(error);
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    expect(mapped).toMatchObject({ code: "SERVICE_UNAVAILABLE", reason, retryAfterSeconds: 5 });
    expect(mapped?.cause).toBe(error);
    // Our message, never the driver's.
    expect(mapped?.message).not.toContain("driver text");
  });

  it.each([
    pgError("23505"),
    pgError("40001"),
    pgError("42P01"),
    new Error("something else"),
    "a string",
    null,
    new AggregateError([pgError("ECONNREFUSED"), new Error("other")]),
  ])("leaves %s alone", (error) => {
    expect(asServiceUnavailable(error)).toBeUndefined();
    expect(isServiceUnavailable(error)).toBe(false);
  });

  it("returns an already mapped error as it is", () => {
    const error = new ServiceUnavailableError("timeout", { retryAfterSeconds: 2 });
    expect(asServiceUnavailable(error)).toBe(error);
    expect(error.retryAfterSeconds).toBe(2);
  });
});
