import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, installed by `.ci/run` with apt-get when missing. */
export const chromiumPath = "/usr/bin/chromium";
export const chromiumAvailable = existsSync(chromiumPath);

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * One headless Chromium for the whole file, on a new empty profile folder: no network of its
 * own (updates, sync, QUIC), no GPU, no sandbox (CI runs as root). Each page is a new tab, and
 * the token lives in the tab's sessionStorage, so every role signs in on its own page.
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "adviser-hub-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
