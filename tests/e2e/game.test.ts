/**
 * The client in a real browser (Debian's Chromium) against the real server on 127.0.0.1: a solo game
 * from the menu to the debrief, two players in one room, a reload and a dropped connection mid-game,
 * and Russian. Each scene is saved as a screenshot in test-results/e2e/.
 */
import { matchMaker } from "@colyseus/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bundledScenarios } from "../../server/content/scenario-files.ts";
import { startServer, type TestServer } from "../server/helpers.ts";
import { CLIENT_DIR, launch, openPage, shot, VIEWPORTS, type Chromium, type Watched } from "./browser.ts";

const SCENARIO = "kazakhstan-2022-01";
const sc = bundledScenarios().get(SCENARIO);
if (!sc) throw new Error(SCENARIO);
const briefOf = (seat: "RU" | "KZ" | "BY" | "AM" | "KG" | "TJ", lang: "en" | "ru" = "en") =>
  sc.briefs[seat]?.text[lang] ?? "";

let srv: TestServer;
let chromium: Chromium;
/** What beforeAll started, closed in reverse order, also when a later start failed. */
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
        approvals: 5,
        deployment: 2,
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

/**
 * Chromium's software GL prints a driver performance note when a screenshot reads the canvas back
 * ("GPU stall due to ReadPixels"); it comes from taking the screenshot, not from the game.
 */
const SCREENSHOT_NOTE = /GL Driver Message .*GPU stall due to ReadPixels/;
const realProblems = (w: Watched) => w.problems.filter((p) => !SCREENSHOT_NOTE.test(p));

const view = (page: Page) => page.evaluate(() => document.body.dataset.view);
const waitView = (page: Page, v: string, timeout = 60_000) =>
  page.waitForFunction((want) => document.body.dataset.view === want, v, { timeout });
/** Waits until the Phaser stage has drawn (so screenshots show the canvas). */
const waitStage = (page: Page) =>
  page.waitForFunction(() => typeof window.unanimity?.firstFrameMs === "number", null, { timeout: 20_000 });

async function startSolo(page: Page, seat: string): Promise<string> {
  await page.goto(srv.url);
  await page.locator("#solo-start").waitFor();
  await page.selectOption("#solo-scenario", SCENARIO);
  await page.selectOption("#solo-state", seat);
  await page.click("#solo-start");
  await page.locator("#room-code").waitFor({ timeout: 15_000 });
  return (await page.locator("#room-code").textContent()) ?? "";
}

describe("the client in Chromium", () => {
  test("solo practice from the menu to the debrief: coach, pause, legal inputs only, every scene", async () => {
    const w = await openPage(chromium, VIEWPORTS.laptop);
    const { page } = w;
    // A fixed seed: the crisis's random events and the parliaments' votes are the same each run.
    await page.goto(`${srv.url}/?seed=e2e-solo`);
    await waitStage(page);
    await page.locator("#solo-start").waitFor();
    expect(await page.locator("h2#solo-h").textContent()).toBe("Solo practice");
    await shot(page, "menu-1366x768");

    await page.selectOption("#solo-scenario", SCENARIO);
    await page.selectOption("#solo-state", "BY");
    await page.click("#solo-start");
    await page.locator("#room-code").waitFor({ timeout: 15_000 });
    // Pause at once, so the briefing's timer does not run while we look around.
    await page.click("#pause-btn");
    await expect.poll(() => page.locator("#clock").textContent()).toContain("Paused");
    expect(await view(page)).toBe("lobby");
    expect(await page.locator("#room-code").textContent()).toMatch(/^[2-9A-HJ-NP-Z]{5}$/);
    expect(await page.locator('[data-section="lobby-seats"] li').count()).toBe(sc.members.length);
    expect(await page.locator('[data-section="lobby-seats"] li.me').getAttribute("data-seat")).toBe("BY");
    // Paused: the ready input is disabled, with the reason.
    expect(await page.locator("#ready-btn").isDisabled()).toBe(true);
    expect(await page.locator("#lobby-ready-form .reason").textContent()).toBe("The game is paused.");
    await shot(page, "lobby-1366x768");

    await page.click("#nav-briefing");
    expect(await page.locator("#private-brief").textContent()).toBe(briefOf("BY"));
    expect(await page.content()).not.toContain(briefOf("RU").slice(0, 80));
    // The coach explains what the seat may do; it can be switched off.
    await page.click("#pause-btn");
    await expect.poll(() => page.locator("#clock").textContent()).not.toContain("Paused");
    await page.locator('[data-section="coach"]').waitFor();
    expect(await page.locator('[data-section="coach"]').textContent()).toContain("Marks you ready");
    await shot(page, "briefing-1366x768");
    await page.click("#coach-toggle");
    expect(await page.locator('[data-section="coach"]').count()).toBe(0);
    await page.click("#coach-toggle");

    await page.click("#ready-btn");
    await waitView(page, "consultations");
    // A council input that is not legal for Belarus (not the chair) is disabled with the reason.
    await page.locator("#callvote").waitFor({ timeout: 30_000 });
    expect(await page.locator("#callvote button").isDisabled()).toBe(true);
    expect(await page.locator("#callvote .reason").textContent()).toMatch(/chair|not possible|no proposal/i);
    await page.locator("#proposal .terms").waitFor();
    await shot(page, "consultations-1366x768");

    // The vote: Belarus supports; its vote is shown as it happens.
    await page.locator("#vote-support:not([disabled])").waitFor({ timeout: 60_000 });
    // Watched from before the click, at every frame: the vote may end the council at
    // once, and its screen with it.
    const voted = page.waitForFunction(
      () => document.querySelector('#votes li[data-seat="BY"]')?.textContent.includes("support") === true,
      null,
      { timeout: 10_000, polling: "raf" },
    );
    await page.click("#vote-support");
    await voted.catch(async (e: unknown) => {
      console.log(
        "VOTE",
        await page.locator("#alert").textContent(),
        "|",
        await page.locator("#clock").textContent(),
        "|",
        await page.locator("#votes").textContent(),
        "|",
        (await page.locator(".timeline").textContent())?.slice(-900),
      );
      throw e;
    });
    await shot(page, "council-vote-1366x768");

    // The game ends: the debrief opens by itself.
    await waitView(page, "debrief", 180_000);
    await page.locator("#debrief-end").waitFor();
    const text = await page.locator('[data-section="debrief"]').textContent();
    expect(text).toContain("Each leader's score");
    expect(text).toContain("What really happened");
    expect(text).toContain("Questions to discuss");
    expect(await page.locator(".score").count()).toBe(sc.members.length);
    // A screen reader heard the table: the live announcer holds the latest timeline entries.
    expect(await page.locator("#announcer").getAttribute("aria-live")).toBe("polite");
    expect((await page.locator("#announcer").textContent())?.length ?? 0).toBeGreaterThan(5);
    await shot(page, "debrief-1366x768");
    // The approvals and the map as the game ended (the phase no longer moves, so the screens stay put).
    await page.click("#nav-approvals");
    await page.locator('[data-section="approvals"] h2').waitFor();
    const sittings = page.locator("#approvals .sittings li");
    if ((await sittings.count()) > 0)
      expect(await sittings.first().textContent()).toMatch(/^Sitting 1: \d+–\d+, \d+ needed/);
    await shot(page, "approvals-1366x768");
    await page.click("#nav-map");
    expect(await page.locator("#crisis-place").textContent()).toBe("Crisis: Almaty");
    await shot(page, "map-1366x768");

    expect(realProblems(w)).toEqual([]);
    await w.context.close();
  });

  test("two players in one room, bots in the other seats: each sees only its own brief; both reach the debrief; a projector watches", async () => {
    const a = await openPage(chromium, VIEWPORTS.laptop);
    const b = await openPage(chromium, VIEWPORTS.phone);
    await a.page.goto(`${srv.url}/?seed=e2e-two`);
    await a.page.locator("#create-btn").waitFor();
    await a.page.selectOption("#create-scenario", SCENARIO);
    await a.page.selectOption("#create-seat", "RU");
    await a.page.fill("#create-name", "Ana");
    await a.page.click("#create-btn");
    await a.page.locator("#room-code").waitFor({ timeout: 15_000 });
    const code = (await a.page.locator("#room-code").textContent()) ?? "";

    await b.page.goto(srv.url);
    await b.page.locator("#join-btn").waitFor();
    // A wrong code is answered in plain words, and the menu stays usable.
    await b.page.fill("#join-code", "ZZZZZ");
    await b.page.click("#join-btn");
    await expect.poll(() => b.page.locator("#alert").textContent()).toContain("No room ZZZZZ is open");
    // Chromium itself logs the refused request ("Failed to load resource"); that one is expected.
    expect(b.problems.every((p) => /Failed to load resource/.test(p))).toBe(true);
    b.problems.length = 0;
    await b.page.fill("#join-code", code.toLowerCase());
    await b.page.fill("#join-name", "Bo");
    await b.page.selectOption("#join-seat", "BY");
    await b.page.click("#join-btn");
    await b.page.locator("#room-code").waitFor({ timeout: 15_000 });
    await expect
      .poll(() => a.page.locator('[data-section="lobby-seats"] li[data-seat="BY"]').textContent())
      .toContain("player Bo");
    await waitStage(b.page);
    await shot(b.page, "lobby-390x844");

    const p = await openPage(chromium, VIEWPORTS.projector);
    await p.page.goto(srv.url);
    await p.page.locator("#class-code").waitFor();
    await p.page.fill("#class-code", code);
    await p.page.click("#class-projector");
    await waitView(p.page, "projector", 15_000);
    await waitStage(p.page);

    for (const [w, seat] of [
      [a, "RU"],
      [b, "BY"],
    ] as const) {
      await w.page.click("#nav-briefing");
      expect(await w.page.locator("#private-brief").textContent()).toBe(briefOf(seat));
      const html = await w.page.content();
      for (const s of sc.members)
        if (s !== seat) expect(html).not.toContain(briefOf(s as typeof seat).slice(0, 80));
    }
    expect(await p.page.locator("#private-brief").count()).toBe(0);
    await shot(b.page, "briefing-390x844");
    await b.page.click("#ready-btn");
    await a.page.click("#ready-btn");
    await waitView(a.page, "consultations");
    await waitView(b.page, "consultations");
    await a.page.locator("#proposal .terms").waitFor({ timeout: 30_000 });
    await shot(a.page, "consultations-two-players-1366x768");
    await shot(b.page, "consultations-390x844");
    await shot(p.page, "projector-1920x1080");
    // Private chat between the two leaders: only they read it.
    await b.page.selectOption("#chat-to", "RU");
    await b.page.fill("#chat-text", "Belarus will stand with you.");
    await b.page.click("#chat-send");
    await expect.poll(() => a.page.locator(".chat").textContent()).toContain("Belarus will stand with you.");
    expect(await p.page.content()).not.toContain("Belarus will stand with you.");

    for (const w of [a, b]) {
      await w.page.locator("#vote-support:not([disabled])").waitFor({ timeout: 60_000 });
      await w.page.click("#vote-support");
    }
    await waitView(a.page, "debrief", 180_000);
    await waitView(b.page, "debrief", 30_000);
    await p.page.locator("#debrief-end").waitFor({ timeout: 30_000 });
    await shot(b.page, "debrief-390x844");
    await b.page.click("#nav-map");
    await shot(b.page, "map-390x844");
    await b.page.click("#nav-approvals");
    await shot(b.page, "approvals-390x844");
    await shot(p.page, "projector-debrief-1920x1080");
    for (const w of [a, b, p]) {
      expect(realProblems(w)).toEqual([]);
      await w.context.close();
    }
  });

  test("a reload mid-game and a dropped connection both give the seat back", async () => {
    const w = await openPage(chromium, VIEWPORTS.laptop);
    const { page } = w;
    const code = await startSolo(page, "KG");
    await page.click("#nav-briefing");
    await page.click("#ready-btn");
    await waitView(page, "consultations");
    await page.reload();
    await page.locator("#nav-consultations").waitFor({ timeout: 15_000 });
    expect(await view(page)).not.toBe("menu");
    await page.click("#nav-lobby");
    expect(await page.locator("#room-code").textContent()).toBe(code);
    expect(await page.locator('[data-section="lobby-seats"] li.me').getAttribute("data-seat")).toBe("KG");
    await page.click("#nav-briefing");
    expect(await page.locator("#private-brief").textContent()).toBe(briefOf("KG"));

    // The server's side of the socket dies: the client says so, and comes back to the same seat.
    const room = matchMaker.getLocalRoomById(code) as unknown as {
      clients: { ref: { terminate(): void } }[];
    };
    // Every message the status line shows is recorded (the reconnection can take only milliseconds).
    await page.evaluate(() => {
      const el = document.getElementById("status") as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { statusLog: string[] }).statusLog = seen;
      new MutationObserver(() => seen.push(el.textContent)).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    for (const c of room.clients) c.ref.terminate();
    const statusLog = () => page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
    await expect.poll(statusLog, { timeout: 20_000 }).toContain("Reconnected: your seat is back.");
    expect(await statusLog()).toContain("Connection lost — reconnecting…");
    await shot(page, "reconnected-1366x768");
    await page.click("#nav-lobby");
    expect(await page.locator('[data-section="lobby-seats"] li.me').getAttribute("data-seat")).toBe("KG");
    expect(await page.locator('[data-section="lobby-seats"] li[data-seat="KG"]').textContent()).toContain(
      "player",
    );
    expect(realProblems(w).filter((p) => !/WebSocket|ERR_CONNECTION|1006/.test(p))).toEqual([]);
    await w.context.close();
  });

  test("switching to Russian changes the visible text, and is remembered", async () => {
    const w = await openPage(chromium, VIEWPORTS.laptop);
    const { page } = w;
    await page.goto(srv.url);
    await page.locator("#solo-start").waitFor();
    expect(await page.locator("#solo-start").textContent()).toBe("Start practice");
    await page.selectOption("#lang", "ru");
    expect(await page.locator("#solo-start").textContent()).toBe("Начать тренировку");
    expect(await page.locator("h2#solo-h").textContent()).toBe("Тренировка в одиночку");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ru");
    await page.reload();
    await page.locator("#solo-start").waitFor();
    expect(await page.locator("#solo-start").textContent()).toBe("Начать тренировку");
    await waitStage(page);
    await shot(page, "menu-ru-1366x768");
    await page.selectOption("#solo-scenario", SCENARIO);
    await page.selectOption("#solo-state", "AM");
    await page.click("#solo-start");
    await page.locator("#room-code").waitFor({ timeout: 15_000 });
    await page.click("#nav-briefing");
    expect(await page.locator("#private-brief").textContent()).toBe(briefOf("AM", "ru"));
    const bar = await page.locator("#bar").textContent();
    expect(bar).toContain("Брифинг");
    expect(bar).toContain("Покинуть комнату");
    expect(await page.locator("#panel").textContent()).not.toMatch(/\bReady\b|Your private brief/);
    await shot(page, "briefing-ru-1366x768");
    // And back, at any time.
    await page.selectOption("#lang", "en");
    expect(await page.locator("#private-brief").textContent()).toBe(briefOf("AM"));
    expect(realProblems(w)).toEqual([]);
    await w.context.close();
  });
});
