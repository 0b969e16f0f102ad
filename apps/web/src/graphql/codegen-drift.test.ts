import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../codegen.js";

const webRoot = fileURLToPath(new URL("../../", import.meta.url));

describe("generated GraphQL types", () => {
  it("match the committed schema.graphql and the app's operations (run `pnpm --filter @adviser-hub/web codegen`)", async () => {
    const outputs = await generate({ ...config, cwd: webRoot, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(join(webRoot, output.filename.startsWith("/") ? output.filename.slice(webRoot.length) : output.filename), "utf8");
      expect(committed, output.filename).toBe(output.content);
    }
  });
});
