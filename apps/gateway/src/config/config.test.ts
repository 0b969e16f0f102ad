import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to the development server on 127.0.0.1:4000, same origin only", () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: "127.0.0.1",
      production: false,
      logLevel: "info",
      corsOrigins: [],
      rateLimitPerMinute: 600,
      shutdownTimeoutMs: 10_000,
      workers: 1,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "8080",
      HOST: "0.0.0.0",
      LOG_LEVEL: "warn",
      CORS_ORIGINS: "https://dash.example.org, http://localhost:5173",
      RATE_LIMIT_PER_MINUTE: "0",
      SHUTDOWN_TIMEOUT_MS: "2500",
      WEB_CONCURRENCY: "4",
    });
    expect(config).toEqual({
      port: 8080,
      host: "0.0.0.0",
      production: true,
      logLevel: "warn",
      corsOrigins: ["https://dash.example.org", "http://localhost:5173"],
      rateLimitPerMinute: 0,
      shutdownTimeoutMs: 2500,
      workers: 4,
    });
  });

  it.each([
    ["PORT", "80a"],
    ["PORT", "70000"],
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["WEB_CONCURRENCY", "0"],
    ["LOG_LEVEL", "loud"],
    ["CORS_ORIGINS", "*"],
    ["CORS_ORIGINS", "https://*.example.org"],
    ["CORS_ORIGINS", "https://dash.example.org/path"],
    ["CORS_ORIGINS", "dash.example.org"],
  ])("refuses %s=%s by name", (variable, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
  });
});
