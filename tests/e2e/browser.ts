/**
 * Debian's Chromium driven by playwright-core, against the real server on 127.0.0.1 serving the
 * built client. Used by the e2e tests and by `npm run bench:client`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLIENT_DIR = join(ROOT, "dist/client");
export const ARTIFACTS = join(ROOT, "test-results/e2e");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Builds the client (vite) unless E2E_SKIP_BUILD=1 and a build exists; output goes to stderr. */
export function buildClient(): void {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(join(CLIENT_DIR, "index.html"))) return;
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (r.status !== 0) throw new Error("vite build failed");
}

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

export async function launch(): Promise<Chromium> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium)`,
    );
  // playwright-core gives each launch a fresh temporary profile (its own --user-data-dir); it refuses
  // the flag in `args`, so it is not repeated here.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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
    browser,
    async close() {
      await browser.close();
    },
  };
}

export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[];
}

/** A fresh browser context and page, with its console watched for errors and warnings. */
export async function openPage(
  chromium: Chromium,
  viewport: { width: number; height: number },
  locale = "en-GB",
  /** A first solo game is guided (a card and a pause at each step); tests of other things skip it. */
  options: { guided?: boolean } = {},
): Promise<Watched> {
  const context = await chromium.browser.newContext({ viewport, locale });
  if (!options.guided) await skipGuide(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

/** Pages of this context start with the guided crisis off (a test of something else would wait at its cards). */
export async function skipGuide(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    localStorage.setItem("unanimity.guided", "off");
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
