import { setTimeout as sleep } from "node:timers/promises";
import { type AppDatabase, migrateToLatest, openDatabase } from "@adviser-hub/persistence";
import {
  canRunThrowawayCluster,
  createStreamingReplica,
  createThrowawayCluster,
  type ThrowawayCluster,
} from "@adviser-hub/persistence/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, tokenFor } from "../testing/harness.js";
import { FIXTURE, insertLondonFixture, REQUEST_ENGAGEMENT, requestEngagementInput } from "../testing/london-fixture.js";
import { createGateway, type Gateway } from "../yoga.js";

// DATABASE_READ_URL: report queries go to a streaming replica, writes and what a caller reads
// back after a write stay on the primary. Replay on the replica is paused to make the routing
// visible: a report then shows the replica's older data, the write's own answer the new.

describe.skipIf(!canRunThrowawayCluster())("report queries on a read replica", () => {
  let primary: ThrowawayCluster;
  let replica: ThrowawayCluster;
  let app: AppDatabase;
  let gateway: Gateway;
  let standby: pg.Client;
  let token: string;

  beforeAll(async () => {
    primary = await createThrowawayCluster();
    const admin = new pg.Client({ connectionString: primary.url });
    await admin.connect();
    await admin.query("create database app");
    await admin.end();
    const owner = await openDatabase({ url: primary.urlFor("app"), readUrl: "" });
    await migrateToLatest(owner.db);
    await insertLondonFixture(owner.db);
    await owner.close();
    replica = await createStreamingReplica(primary);
    standby = new pg.Client({ connectionString: replica.urlFor("app") });
    await standby.connect();
    app = await openDatabase({ url: primary.urlFor("app"), readUrl: replica.urlFor("app") });
    gateway = createGateway({ db: app.db, reportDb: app.reportDb, env: { NODE_ENV: "test" }, reportCache: false });
    token = await tokenFor({ role: "REGION_ADMIN", region: FIXTURE.region });
  }, 180_000);
  afterAll(async () => {
    await standby?.end();
    await app?.close();
    await replica?.remove();
    await primary?.remove();
  });

  const demand = async () => {
    const response = await execute<{ demandAndCapacity: { requestedDays: string } }>(
      gateway,
      `{ demandAndCapacity(region: "${FIXTURE.region}", from: "2010-04-05", weeks: 52) { requestedDays } }`,
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.demandAndCapacity.requestedDays;
  };
  const engagementCount = async () => {
    const response = await execute<{ region: { engagements: { totalCount: number } } }>(
      gateway,
      `{ region(code: "${FIXTURE.region}") { engagements(first: 1) { totalCount } } }`,
      { token },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.region.engagements.totalCount;
  };
  const caughtUp = async () => {
    for (let i = 0; i < 200; i++) {
      const { rows } = await standby.query<{ behind: boolean }>(
        "select pg_last_wal_receive_lsn() <> pg_last_wal_replay_lsn() as behind",
      );
      if (!rows[0]!.behind) return;
      await sleep(50);
    }
    throw new Error("the replica did not catch up");
  };

  it("reads reports from the replica and writes, with their read-back, on the primary", async () => {
    expect(app.reportDb).not.toBe(app.db);
    await caughtUp();
    const requestedBefore = await demand();
    const engagementsBefore = await engagementCount();

    await standby.query("select pg_wal_replay_pause()");
    const written = await execute<{ requestEngagement: { __typename: string; engagement: { status: string } } }>(
      gateway,
      REQUEST_ENGAGEMENT,
      { token, variables: requestEngagementInput("Read after write") },
    );
    // The write and its own answer: the primary.
    expect(written.data?.requestEngagement).toMatchObject({ __typename: "RequestEngagementPayload", engagement: { status: "REQUESTED" } });
    // An entity read: the primary, so the caller sees what it just wrote.
    expect(await engagementCount()).toBe(engagementsBefore + 1);
    // A report: the replica, whose replay is paused, so not yet.
    expect(await demand()).toBe(requestedBefore);

    await standby.query("select pg_wal_replay_resume()");
    await caughtUp();
    const requestedAfter = await demand();
    expect(requestedAfter).not.toBe(requestedBefore);
    expect(Number(requestedAfter)).toBe(Number(requestedBefore) + 3);
  }, 120_000);

  it("reports the replica's pool apart from the primary's", () => {
    const usage = app.poolUsage();
    expect(usage?.replica).not.toBeNull();
    expect(usage?.replica?.max).toBe(10);
  });
});
