/**
 * `npm run bench:client [-- --json]`: the client's weight and speed. Builds the client, serves it from
 * the real server on 127.0.0.1, and loads it in headless Chromium (Debian's, via playwright-core):
 * - initialJsGzipKB: gzip size of the JavaScript the page loads before anything else (the entry
 *   script and its preloads; Phaser's chunk loads after, by a dynamic import, and is reported apart);
 * - firstFrameMs: from navigation start to Phaser's first rendered frame (median of the runs);
 * - consoleErrors: console errors and uncaught page errors over the runs and a solo game's start;
 * - mapDataGzipKB: the map's borders (the `virtual:region-atlas` chunk, loaded when a map is first
 *   drawn), and allJsPlusMapGzipKB: every chunk of the game's JavaScript and the map data together.
 * Goals (issue 12): initial JS ≤ 150 KB gzip; all JS plus map data ≤ 550 KB gzip; first frame ≤ 1.5 s.
 * It prints numbers; it does not fail on them.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startServer } from "../server/helpers.ts";
import { buildClient, CLIENT_DIR, launch, openPage, VIEWPORTS } from "../e2e/browser.ts";

const RUNS = 5;
const json = process.argv.includes("--json");
const log = (...a: unknown[]) => (json ? console.error(...a) : console.log(...a));

buildClient();

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(join(CLIENT_DIR, file)), { level: 9 }).length;
const html = readFileSync(join(CLIENT_DIR, "index.html"), "utf8");
const initial = [
  ...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g),
].map((m) => m[1] as string);
const allJs = readdirSync(join(CLIENT_DIR, "assets"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => `assets/${f}`);
const initialBytes = initial.reduce((n, f) => n + gz(f), 0);
const totalBytes = allJs.reduce((n, f) => n + gz(f), 0);
/** The map data's chunk: vite names a virtual module's chunk after it. */
const mapChunks = allJs.filter((f) => f.includes("region-atlas"));
const mapBytes = mapChunks.reduce((n, f) => n + gz(f), 0);
const phaserChunk = allJs
  .filter((f) => !initial.includes(f) && !mapChunks.includes(f))
  .sort((a, b) => gz(b) - gz(a))[0];

const srv = await startServer({ clientDir: CLIENT_DIR, defaults: { thinkMs: 200 } });
const chromium = await launch();
const frames: number[] = [];
let consoleErrors = 0;
const errors: string[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const w = await openPage(chromium, VIEWPORTS.laptop);
    await w.page.goto(srv.url);
    await w.page.waitForFunction(() => typeof window.unanimity?.firstFrameMs === "number", null, {
      timeout: 30_000,
    });
    frames.push(await w.page.evaluate(() => window.unanimity?.firstFrameMs ?? NaN));
    if (i === RUNS - 1) {
      // A solo game's start, to count errors in play as well as at load.
      await w.page.locator("#solo-start").waitFor();
      await w.page.click("#solo-start");
      await w.page.locator("#room-code").waitFor({ timeout: 15_000 });
      await w.page.click("#nav-briefing");
      await w.page.click("#nav-consultations");
      await new Promise((r) => setTimeout(r, 1500));
    }
    const errs = w.problems.filter((p) => p.startsWith("error") || p.startsWith("pageerror"));
    consoleErrors += errs.length;
    errors.push(...errs);
    await w.context.close();
  }
} finally {
  await chromium.close();
  await srv.close();
}

frames.sort((a, b) => a - b);
const result = {
  initialJsGzipKB: kb(initialBytes),
  phaserChunkGzipKB: phaserChunk ? kb(gz(phaserChunk)) : 0,
  totalJsGzipKB: kb(totalBytes - mapBytes),
  mapDataGzipKB: kb(mapBytes),
  allJsPlusMapGzipKB: kb(totalBytes),
  firstFrameMs: Math.round(frames[Math.floor(frames.length / 2)] ?? NaN),
  firstFrameMsRuns: frames.map((f) => Math.round(f)),
  consoleErrors,
  runs: RUNS,
  goals: { initialJsGzipKB: 150, allJsPlusMapGzipKB: 550, firstFrameMs: 1500 },
};

if (json) console.log(JSON.stringify(result));
else {
  log(`initial JS (gzip):   ${result.initialJsGzipKB} KB  (goal ≤ 150; ${initial.join(", ")})`);
  log(`Phaser chunk (gzip): ${result.phaserChunkGzipKB} KB  (loaded after the first paint)`);
  log(`all JS (gzip):       ${result.totalJsGzipKB} KB  (without the map data)`);
  log(`map data (gzip):     ${result.mapDataGzipKB} KB  (${mapChunks.join(", ") || "none found"})`);
  log(`all JS + map (gzip): ${result.allJsPlusMapGzipKB} KB  (goal ≤ 550)`);
  log(
    `first frame:         ${result.firstFrameMs} ms median of ${RUNS} (${result.firstFrameMsRuns.join(", ")}) (goal ≤ 1500)`,
  );
  log(`console errors:      ${result.consoleErrors}`);
  for (const e of errors) log(`  ${e}`);
}
