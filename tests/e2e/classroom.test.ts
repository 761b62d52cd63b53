/**
 * Classroom mode in Chromium: the facilitator opens a session and runs it from the dashboard in one
 * browser context; two students join by the class code and a name in others (a laptop and a phone)
 * and land in their seats in the game client; the facilitator seats them, starts, injects and ends
 * the table, and the printable class debrief renders. Screenshots in test-results/e2e/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { startServer, type TestServer } from "../server/helpers.ts";
import {
  ARTIFACTS,
  CLIENT_DIR,
  launch,
  openPage,
  shot,
  VIEWPORTS,
  type Chromium,
  type Watched,
} from "./browser.ts";

const briefOfKZ = bundledScenarios().get("kazakhstan-2022-01")?.briefs.KZ?.text.en ?? "";

let srv: TestServer;
let chromium: Chromium;
/** What beforeAll started, closed in reverse order, also when a later start failed. */
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  srv = await startServer({ clientDir: CLIENT_DIR, defaults: { thinkMs: 100, graceSeconds: 20 } });
  started.push(srv);
  chromium = await launch();
  started.push(chromium);
});

afterAll(async () => {
  for (const one of started.reverse()) await one.close();
});

const SCREENSHOT_NOTE = /GL Driver Message .*GPU stall due to ReadPixels/;
const realProblems = (w: Watched) => w.problems.filter((p) => !SCREENSHOT_NOTE.test(p));

async function studentJoins(w: Watched, code: string, name: string): Promise<Frame> {
  const { page } = w;
  await page.goto(`${srv.url}/classroom.html?code=${code}`);
  await page.locator("#class-name").fill(name);
  await page.click("#class-join-submit");
  await page.locator("#class-student-status").waitFor();
  await page.waitForFunction(
    () =>
      /Wait for your seat|Table 1/.test(document.getElementById("class-student-status")?.textContent ?? ""),
    null,
    { timeout: 15_000 },
  );
  return page.mainFrame();
}

/** The game client framed in the student's page, once it shows the seat. */
async function seatFrame(page: Page): Promise<Frame> {
  const el = await page.waitForSelector("iframe.class-seat-frame:not([hidden])", { timeout: 20_000 });
  const frame = await el.contentFrame();
  if (!frame) throw new Error("no frame");
  await frame.waitForFunction(() => (document.body.dataset.view ?? "menu") !== "menu", null, {
    timeout: 20_000,
  });
  return frame;
}

test("a facilitator's dashboard and two students in their own browsers, to the printable class debrief", async () => {
  const fac = await openPage(chromium, VIEWPORTS.laptop);
  await fac.page.goto(`${srv.url}/classroom.html`);
  await fac.page.locator("#class-create").waitFor();
  await fac.page.click("#class-create");
  await fac.page.locator("#class-code-big").waitFor({ timeout: 15_000 });
  const code = ((await fac.page.locator("#class-code-big").textContent()) ?? "").trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  const key = await fac.page.evaluate((c) => localStorage.getItem(`unanimity.class.key.${c}`), code);
  expect(key).toBeTruthy();
  await expect(fac.page.locator("#class-recovery").textContent()).resolves.toContain(
    encodeURIComponent(key ?? ""),
  );

  const ann = await openPage(chromium, VIEWPORTS.laptop);
  const bob = await openPage(chromium, VIEWPORTS.phone);
  await studentJoins(ann, code, "Ann");
  await studentJoins(bob, code, "Bob");

  // The roster shows both; the facilitator seats everyone and starts the table.
  await fac.page.waitForFunction(
    () => (document.getElementById("class-roster")?.textContent ?? "").includes("Bob"),
    null,
    { timeout: 10_000 },
  );
  await fac.page.click("#class-autoseat");
  for (const s of [ann, bob])
    await s.page.waitForFunction(
      () => (document.getElementById("class-student-status")?.textContent ?? "").includes("Table 1"),
      null,
      { timeout: 15_000 },
    );
  const annStatus = (await ann.page.locator("#class-student-status").textContent()) ?? "";
  const bobStatus = (await bob.page.locator("#class-student-status").textContent()) ?? "";
  expect(annStatus).toContain("seat Russia");
  expect(bobStatus).toContain("seat Kazakhstan");
  await seatFrame(ann.page);
  await seatFrame(bob.page);

  await fac.page.click('[data-op="all:start"]');
  await fac.page.waitForFunction(
    () => (document.querySelector('article[data-table="0"]')?.textContent ?? "").includes("RU Ann"),
    null,
    { timeout: 15_000 },
  );
  await fac.page.waitForFunction(
    () => !(document.querySelector('article[data-table="0"]')?.textContent ?? "").includes("not started"),
    null,
    { timeout: 15_000 },
  );

  // A news inject written on the spot reaches the table's timeline.
  const controls = fac.page.locator('[data-controls="0"]');
  await controls.locator('input[aria-label="News or instruction (English)"]').fill("Airports closed");
  await controls.locator('button[type="submit"]').click();
  await fac.page.waitForFunction(
    async ([c, k]) => {
      const r = await fetch(`/api/class/${c}/tables/0`, { headers: { authorization: `Bearer ${k}` } });
      return JSON.stringify(await r.json()).includes("Airports closed");
    },
    [code, key ?? ""],
    { timeout: 15_000 },
  );
  await shot(fac.page, "classroom-dashboard");
  await shot(ann.page, "classroom-student-laptop");
  await shot(bob.page, "classroom-student-phone");

  // The facilitator moves Bob to Belarus: his page follows, and the game client in it takes the new seat.
  await fac.page.selectOption('[data-student="s2"] select', "0:BY");
  await bob.page.waitForFunction(
    () => (document.getElementById("class-student-status")?.textContent ?? "").includes("seat Belarus"),
    null,
    { timeout: 15_000 },
  );
  await fac.page.waitForFunction(
    async ([c, k]) => {
      const r = await fetch(`/api/class/${c}/dashboard`, { headers: { authorization: `Bearer ${k}` } });
      const seats = ((await r.json()) as { seats: { seat: string; holder: string; name: string }[] }[])[0]
        ?.seats;
      const by = seats?.find((x) => x.seat === "BY");
      const kz = seats?.find((x) => x.seat === "KZ");
      return by?.name === "Bob" && by.holder === "human" && kz?.name === "";
    },
    [code, key ?? ""],
    { timeout: 20_000 },
  );

  // The projector view of all tables: public information only (no brief, no student roster).
  const projector = await fac.context.newPage();
  await projector.setViewportSize(VIEWPORTS.projector);
  await projector.goto(`${srv.url}/classroom.html#show/${code}`);
  await projector.waitForFunction(() => document.querySelectorAll("article.class-card").length === 1, null, {
    timeout: 10_000,
  });
  const shown = (await projector.locator("body").textContent()) ?? "";
  expect(shown).toContain("Severity");
  expect(shown.includes("Ann") || shown.includes("Bob")).toBe(false);
  expect(shown.includes(briefOfKZ.slice(0, 40))).toBe(false);
  await shot(projector, "classroom-projector");
  await projector.close();

  // The students never get the facilitator key.
  for (const s of [ann, bob]) {
    const stored = await s.page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(stored.includes(key ?? "!")).toBe(false);
  }

  // The facilitator ends the table; the printable class debrief renders.
  await fac.page.click('[data-op="all:end"]');
  await fac.page.waitForFunction(
    () => (document.querySelector('article[data-table="0"]')?.textContent ?? "").includes("ended"),
    null,
    { timeout: 20_000 },
  );
  const href = await fac.page.locator("#class-print").getAttribute("href");
  const print = await fac.context.newPage();
  await print.goto(`${srv.url}${href ?? ""}`);
  await print.locator("#summary").waitFor();
  const summary = (await print.locator("#summary").textContent()) ?? "";
  expect(summary).toContain("Kazakhstan");
  expect(await print.locator("#summary tr").count()).toBe(2);
  await expect(print.locator("body").textContent()).resolves.toContain("What really happened");
  await expect(print.locator("body").textContent()).resolves.toContain("Airports closed");
  await print.screenshot({ path: join(ARTIFACTS, "classroom-print.png"), fullPage: true });
  const pdf = await print.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(5000);

  expect(realProblems(fac)).toEqual([]);
  for (const w of [fac, ann, bob]) await w.context.close();
});
