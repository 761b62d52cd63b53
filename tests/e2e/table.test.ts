/**
 * The table at a glance, in Chromium (issue 12): a solo game in English and one in Russian, every
 * screen seen at 1280×800 and at 390×844 (and the table's screens at 360 wide). On each: nothing
 * overflows horizontally (the document, and the shell's scrolling parts), the live tracks and the turn
 * banner show in a game; after each phase change focus is on the new view's heading and the panel is
 * at its top. Screenshots go to test-results/e2e/screens/. Any console error fails the test.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { ARTIFACTS, CLIENT_DIR, launch, openPage, type Chromium, type Watched } from "./browser.ts";

const SCENARIO = "kazakhstan-2022-01";
const SCREENS = join(ARTIFACTS, "screens");
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const NARROW = { width: 360, height: 740 };

let srv: TestServer;
let chromium: Chromium;
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  srv = await startServer({
    clientDir: CLIENT_DIR,
    defaults: {
      thinkMs: 120,
      graceSeconds: 20,
      timers: {
        briefing: 20,
        appeal: 4,
        bilateral: 4,
        consultations: 15,
        council: 12,
        approvals: 6,
        deployment: 3,
      },
    },
  });
  started.push(srv);
  chromium = await launch();
  started.push(chromium);
});

afterAll(async () => {
  for (const one of started.reverse()) await one.close();
});

const SCREENSHOT_NOTE = /GL Driver Message .*GPU stall due to ReadPixels/;
const realProblems = (w: Watched) => w.problems.filter((p) => !SCREENSHOT_NOTE.test(p));

/** Two animation frames: the layout after a resize has been drawn. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * What overflows horizontally: the document, or a part of the shell that scrolls on its own (a wide
 * child would scroll inside it rather than widen the page). The navigation row scrolls by design.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) out.push(`document ${doc.scrollWidth} > ${window.innerWidth}`);
    for (const id of ["panel", "bar", "tracks", "waiting", "tracks-detail"]) {
      const el = document.getElementById(id);
      if (el && !el.hidden && el.scrollWidth > el.clientWidth + 1)
        out.push(`#${id} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    if (out.length) {
      const wide = [...document.querySelectorAll<HTMLElement>("#panel *, #tracks *, #waiting *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 40)}`);
      out.push(...wide);
    }
    return out;
  });

interface Seen {
  name: string;
  size: string;
  problems: string[];
}

/** The screen now, at each size: checked for overflow, and saved as a screenshot. */
async function look(page: Page, name: string, lang: string, seen: Seen[], narrow = false): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const size of narrow ? [...SIZES, NARROW] : SIZES) {
    await page.setViewportSize(size);
    await settled(page);
    const tag = `${size.width}x${size.height}`;
    seen.push({ name: `${name}-${lang}`, size: tag, problems: await overflow(page) });
    await page.screenshot({ path: join(SCREENS, `${name}-${lang}-${tag}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
  await settled(page);
}

/** Each change of view or phase, with where focus was and the panel's scroll once it was drawn. */
async function recordFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: {
      view: string;
      phase: string;
      onHeading: boolean;
      scrollTop: number;
      tabindex: string | null;
    }[] = [];
    (window as unknown as { focusLog: typeof log }).focusLog = log;
    let last = "";
    new MutationObserver(() => {
      const now = `${document.body.dataset.view}/${document.body.dataset.phase}`;
      if (now === last) return;
      last = now;
      const panel = document.getElementById("panel") as HTMLElement;
      const heading = panel.querySelector("h2");
      log.push({
        view: document.body.dataset.view ?? "",
        phase: document.body.dataset.phase ?? "",
        onHeading: heading !== null && document.activeElement === heading,
        scrollTop: panel.scrollTop,
        tabindex: heading?.getAttribute("tabindex") ?? null,
      });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-view", "data-phase"] });
  });
}

const focusLog = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          focusLog: {
            view: string;
            phase: string;
            onHeading: boolean;
            scrollTop: number;
            tabindex: string;
          }[];
        }
      ).focusLog,
  );

const viewOf = (page: Page) => page.evaluate(() => document.body.dataset.view ?? "");

async function setPaused(page: Page, paused: boolean): Promise<void> {
  const btn = page.locator("#pause-btn");
  if ((await btn.count()) === 0) return;
  if ((await btn.getAttribute("aria-pressed")) !== String(paused)) await btn.click();
  await page.waitForFunction(
    (want) => document.getElementById("pause-btn")?.getAttribute("aria-pressed") !== String(!want),
    paused,
  );
}

async function playAndLook(lang: "en" | "ru", seat: string): Promise<void> {
  const w = await openPage(chromium, SIZES[0], lang === "ru" ? "ru-RU" : "en-GB");
  const { page } = w;
  const seen: Seen[] = [];
  await page.goto(`${srv.url}/?seed=e2e-table-${lang}`);
  await page.locator("#solo-start").waitFor();
  await page.selectOption("#lang", lang);
  await look(page, "menu", lang, seen);
  await recordFocus(page);

  await page.selectOption("#solo-scenario", SCENARIO);
  await page.selectOption("#solo-state", seat);
  await page.click("#solo-start");
  await page.locator("#room-code").waitFor({ timeout: 15_000 });
  await setPaused(page, true);
  const code = (await page.locator("#room-code").textContent()) ?? "";
  // A solo game admits a projector once its player invites.
  await page.click("#invite-btn");
  await page.locator("#invited").waitFor();
  // In a game: the tracks (four meters with their values) and the banner.
  expect(await page.locator('#tracks [role="meter"]').count()).toBeGreaterThanOrEqual(4);
  const severity = page.locator('#tracks .gauges [data-gauge="severity"]');
  expect(Number(await severity.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  expect(await severity.getAttribute("aria-label")).toBe(
    lang === "en" ? "Crisis severity" : "Острота кризиса",
  );
  await look(page, "lobby", lang, seen, true);
  // The details open on a tap, with every state's standing.
  await page.click("#tracks-toggle");
  expect(await page.locator("#tracks-toggle").getAttribute("aria-expanded")).toBe("true");
  expect(await page.locator('#tracks-detail [data-gauge^="standing."]').count()).toBeGreaterThan(3);
  await look(page, "tracks-open", lang, seen);
  await page.click("#tracks-toggle");

  await page.click("#nav-briefing");
  // A view change puts focus on the new view's heading.
  expect(await page.evaluate(() => document.activeElement === document.querySelector("#panel h2"))).toBe(
    true,
  );
  await look(page, "briefing", lang, seen, true);
  // The panel scrolled to its bottom; the next phase brings it back to the top.
  await page.evaluate(() => {
    const panel = document.getElementById("panel") as HTMLElement;
    panel.scrollTop = panel.scrollHeight;
  });
  await setPaused(page, false);
  await page.click("#ready-btn");
  await page.waitForFunction(() => document.body.dataset.view === "consultations", null, { timeout: 60_000 });
  await page.locator("#proposal .terms").waitFor({ timeout: 30_000 });
  await setPaused(page, true);
  await look(page, "consultations", lang, seen, true);
  // A projector joins by the code.
  const p = await openPage(chromium, SIZES[0], lang === "ru" ? "ru-RU" : "en-GB");
  await p.page.goto(srv.url);
  await p.page.locator("#class-code").waitFor();
  await p.page.selectOption("#lang", lang);
  await p.page.fill("#class-code", code);
  await p.page.click("#class-projector");
  await p.page.waitForFunction(() => document.body.dataset.view === "projector", null, { timeout: 15_000 });
  await look(p.page, "projector", lang, seen);
  await setPaused(page, false);

  await page.locator("#vote-support:not([disabled])").waitFor({ timeout: 60_000 });
  // The banner names the player's move and the time left (paused, it says so instead).
  const move = lang === "en" ? "Your move: vote on the proposal" : "Ваш ход: проголосуйте по предложению";
  await page.waitForFunction((want) => document.querySelector("#waiting .move")?.textContent === want, move, {
    timeout: 30_000,
  });
  expect(await page.locator("#waiting .left").textContent()).toMatch(/\d:\d\d/);
  await setPaused(page, true);
  await look(page, "council", lang, seen, true);
  await setPaused(page, false);
  await page.click("#vote-support");

  // Approvals and deployment, caught live (paused) when the game goes through them.
  const live = new Set<string>();
  for (;;) {
    await page.waitForFunction(
      (was) => document.body.dataset.view !== was || document.body.dataset.phase === "debrief",
      await viewOf(page),
      { timeout: 180_000 },
    );
    const view = await viewOf(page);
    if (view === "debrief") break;
    if ((view === "approvals" || view === "map") && !live.has(view)) {
      await setPaused(page, true);
      if ((await viewOf(page)) === view) {
        live.add(view);
        await look(page, view === "map" ? "deployment" : "approvals", lang, seen, true);
      }
      await setPaused(page, false);
    }
  }
  await page.locator("#debrief-end").waitFor({ timeout: 30_000 });
  await look(page, "debrief", lang, seen, true);
  await page.click("#nav-approvals");
  await look(page, "approvals-end", lang, seen);
  await page.click("#nav-map");
  await look(page, "map-end", lang, seen);

  // After every phase change the new view's heading had focus and the panel was at its top.
  const changes = (await focusLog(page)).slice(1);
  expect(changes.length).toBeGreaterThanOrEqual(4);
  for (const change of changes) {
    expect(change, JSON.stringify(change)).toMatchObject({ onHeading: true, scrollTop: 0, tabindex: "-1" });
  }
  // The announcer read the phases, not the bots.
  const said = (await page.locator("#announcer").textContent()) ?? "";
  expect(said).toMatch(lang === "en" ? /New phase: / : /Новый этап: /);

  // The classroom's pages.
  await p.page.goto(`${srv.url}/classroom.html`);
  await p.page.locator("#class-create").waitFor();
  await look(p.page, "classroom", lang, seen);
  await p.page.click("#class-create");
  await p.page.locator("#class-code-big").waitFor({ timeout: 15_000 });
  await look(p.page, "facilitator", lang, seen);

  const bad = seen.filter((s) => s.problems.length > 0);
  if (bad.length) console.log("OVERFLOW", JSON.stringify(bad));
  expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
  expect(realProblems(w)).toEqual([]);
  expect(realProblems(p)).toEqual([]);
  await p.context.close();
  await w.context.close();
}

describe("the table at a glance", () => {
  test("English: every screen fits a phone, the tracks and the turn show, focus follows the phase", async () => {
    await playAndLook("en", "BY");
  });

  test("Russian: the same, with long words", async () => {
    await playAndLook("ru", "BY");
  });
});
