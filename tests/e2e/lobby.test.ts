/**
 * Strangers in Chromium: two people press "Play now" in separate browser contexts, land in the same
 * room in different seats, see each other as people, make their moves through the page and reach the
 * debrief; the lobby lists a public room another browser created and one click joins it; the menu
 * explains itself and answers a bad code in words.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { CLIENT_DIR, launch, openPage, shot, VIEWPORTS, type Chromium, type Watched } from "./browser.ts";

let srv: TestServer;
let chromium: Chromium;
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  srv = await startServer({
    clientDir: CLIENT_DIR,
    defaults: {
      thinkMs: 100,
      graceSeconds: 20,
      // Two strangers start a quick match; alone, one waits up to 30 s of real time.
      quickMatchPlayers: 2,
      quickWaitSeconds: 30,
      timers: {
        briefing: 30,
        appeal: 4,
        bilateral: 4,
        consultations: 10,
        council: 8,
        approvals: 4,
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

const SCREENSHOT_NOTE = /GL Driver Message .*GPU stall due to ReadPixels/;
const realProblems = (w: Watched) => w.problems.filter((p) => !SCREENSHOT_NOTE.test(p));
const waitView = (page: Page, v: string, timeout = 60_000) =>
  page.waitForFunction((want) => document.body.dataset.view === want, v, { timeout });
const seatRow = (page: Page, seat: string) =>
  page.locator(`[data-section="lobby-seats"] li[data-seat="${seat}"]`);
const mySeat = (page: Page) => page.locator('[data-section="lobby-seats"] li.me');

async function menu(page: Page, name: string): Promise<void> {
  await page.goto(srv.url);
  await page.locator("#quick-btn").waitFor();
  await page.fill("#quick-name", name);
}

describe("strangers in the menu", () => {
  test("two strangers press Play now, share a room in different seats, see each other and play to the debrief", async () => {
    const a = await openPage(chromium, VIEWPORTS.laptop);
    const b = await openPage(chromium, VIEWPORTS.phone);
    await menu(a.page, "Ada");
    // The menu says what the CSTO is and what the player does, and opens How to play.
    expect(await a.page.locator("#menu-intro").textContent()).toContain("Collective Security Council");
    await a.page.click("#howto-btn");
    await a.page.locator("#how-to-play #howto-unanimity").waitFor();
    expect(await a.page.locator("#howto-h").textContent()).toBe("How to play");
    // With pictures: one per part.
    expect(await a.page.locator("#how-to-play svg.howto-picture").count()).toBe(4);
    await shot(a.page, "how-to-play-1280x800");
    await a.page.click("#howto-back");
    await a.page.locator("#quick-btn").waitFor();

    // Alone: a countdown and "1 of 2 players", and leaving goes back to the menu.
    await a.page.click("#quick-btn");
    await a.page.locator("#gather-status").waitFor({ timeout: 15_000 });
    expect(await a.page.locator("#gather-status").textContent()).toMatch(
      /^Starting in 0:[0-3]\d · 1 of 2 players$/,
    );
    expect(await a.page.locator("#ready-btn").count()).toBe(0);
    await shot(a.page, "quick-gathering-1366x768");
    await a.page.click("#gather-leave");
    await a.page.locator("#quick-btn").waitFor();
    expect(await a.page.locator("#quick-name").inputValue()).toBe("Ada");
    await a.page.click("#quick-btn");
    await a.page.locator("#room-code").waitFor({ timeout: 15_000 });
    const code = (await a.page.locator("#room-code").textContent()) ?? "";

    await menu(b.page, "Bo");
    await b.page.click("#quick-btn");
    await b.page.locator("#room-code").waitFor({ timeout: 15_000 });
    expect(await b.page.locator("#room-code").textContent()).toBe(code);
    // Different seats (the host and the chair), and each sees the other as a person.
    const seatA = await mySeat(a.page).getAttribute("data-seat");
    const seatB = await mySeat(b.page).getAttribute("data-seat");
    expect([seatA, seatB].sort()).toEqual(["AM", "KZ"]);
    await expect.poll(() => seatRow(a.page, seatB ?? "").textContent()).toContain("player Bo");
    await expect.poll(() => seatRow(b.page, seatA ?? "").textContent()).toContain("player Ada");
    // Two are in: the game starts, bots in the other seats, and each reads the briefing.
    await expect.poll(() => seatRow(a.page, "RU").textContent()).toContain("bot");
    expect(await a.page.locator("#gather-status").count()).toBe(0);
    await shot(b.page, "quick-started-390x844");

    for (const w of [a, b]) {
      await w.page.locator("#ready-btn:not([disabled])").waitFor({ timeout: 15_000 });
      await w.page.click("#ready-btn");
    }
    await waitView(a.page, "consultations");
    // Each votes when the vote comes (if the host's appeal leads to one), and both reach the debrief.
    const voteOrDebrief = async (page: Page) => {
      const vote = page.locator("#vote-support:not([disabled])");
      await page.waitForFunction(
        () =>
          document.body.dataset.view === "debrief" ||
          !!document.querySelector("#vote-support:not([disabled])"),
        null,
        { timeout: 120_000 },
      );
      if ((await vote.count()) > 0) await vote.click().catch(() => undefined);
    };
    await Promise.all([voteOrDebrief(a.page), voteOrDebrief(b.page)]);
    await waitView(a.page, "debrief", 180_000);
    await waitView(b.page, "debrief", 30_000);
    await shot(a.page, "quick-debrief-1366x768");
    for (const w of [a, b]) {
      expect(realProblems(w)).toEqual([]);
      await w.context.close();
    }
  });

  test("the lobby lists a public room another browser created, and one click joins it; a bad code is answered in words", async () => {
    const host = await openPage(chromium, VIEWPORTS.laptop);
    await host.page.goto(srv.url);
    await host.page.locator("#create-btn").waitFor();
    await host.page.selectOption("#create-seat", "RU");
    await host.page.fill("#create-name", "Host");
    await host.page.uncheck("#create-private");
    await host.page.click("#create-btn");
    await host.page.locator("#room-code").waitFor({ timeout: 15_000 });
    const code = (await host.page.locator("#room-code").textContent()) ?? "";

    const guest = await openPage(chromium, VIEWPORTS.phone, "ru-RU");
    await guest.page.goto(srv.url);
    await guest.page.locator("#join-btn").waitFor();
    await guest.page.selectOption("#lang", "ru");
    // An empty code never reaches the server, and the answer is Russian and says what to do.
    await guest.page.click("#join-btn");
    await expect
      .poll(() => guest.page.locator("#alert").textContent())
      .toContain("Сначала введите код комнаты");
    expect(await guest.page.locator("#alert").textContent()).not.toContain("Must provide a room name");
    const row = guest.page.locator(`#lobby-list li[data-code="${code}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain("1 человек");
    await shot(guest.page, "menu-lobby-390x844");
    await row.locator("button.lobby-join").click();
    await guest.page.locator("#room-code").waitFor({ timeout: 15_000 });
    expect(await guest.page.locator("#room-code").textContent()).toBe(code);
    await expect
      .poll(() =>
        host.page
          .locator('[data-section="lobby-seats"] li.seat')
          .filter({ hasText: /player \S+/ })
          .count(),
      )
      .toBe(2);
    for (const w of [host, guest]) {
      expect(realProblems(w)).toEqual([]);
      await w.context.close();
    }
  });
});
