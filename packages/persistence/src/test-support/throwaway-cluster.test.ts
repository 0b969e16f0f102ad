import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { canRunThrowawayCluster, createThrowawayCluster } from "./throwaway-cluster.js";

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe.skipIf(!canRunThrowawayCluster())("a throwaway PostgreSQL", () => {
  it("starts on a free local port, stops (a crash), starts again with its data, and is removed", async () => {
    const cluster = await createThrowawayCluster();
    try {
      expect(cluster.url).toBe(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query("create table kept (n int)");
      await client.query("insert into kept values (1)");
      await client.end();

      await cluster.stop("immediate");
      expect(await answers(cluster.url)).toBe(false);
      await cluster.start();
      const again = new pg.Client({ connectionString: cluster.url });
      await again.connect();
      const { rows } = await again.query("select n from kept");
      await again.end();
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await cluster.remove();
    }
    expect(existsSync(cluster.dataDir)).toBe(false);
    expect(await answers(cluster.url)).toBe(false);
  });

  it("is stopped and deleted when the process exits without removing it", () => {
    const script = `
      import { createThrowawayCluster } from ${JSON.stringify(new URL("./throwaway-cluster.ts", import.meta.url).href)};
      const cluster = await createThrowawayCluster();
      process.stdout.write(JSON.stringify({ url: cluster.url, dataDir: cluster.dataDir }));
      process.exit(0);
    `;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: new URL("../..", import.meta.url).pathname,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status).toBe(0);
    const { url, dataDir } = JSON.parse(child.stdout) as { url: string; dataDir: string };
    expect(existsSync(dataDir)).toBe(false);
    return answers(url).then((up) => expect(up).toBe(false));
  });
});
