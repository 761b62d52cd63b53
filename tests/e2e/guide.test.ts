/**
 * The guided crisis in Chromium (issue 12): a first solo game, as Belarus (neither host nor chair).
 * Each step's card comes before the player acts, takes the focus, holds the room paused while it is
 * up (so the bots wait), and "Got it" lets the game go on.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, type TestServer } from "../server/helpers.ts";
import { CLIENT_DIR, launch, openPage, shot, VIEWPORTS, type Chromium } from "./browser.ts";

let srv: TestServer;
let chromium: Chromium;
const started: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  srv = await startServer({
    clientDir: CLIENT_DIR,
    defaults: {
      thinkMs: 120,
      timers: {
        briefing: 30,
        appeal: 30,
        bilateral: 10,
        consultations: 30,
        council: 20,
        approvals: 10,
        deployment: 5,
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

const clock = (page: Page) => page.locator("#clock").textContent();

/** The card for a step is up, has the focus, and the room is paused behind it. */
async function cardUp(page: Page, heading: string): Promise<void> {
  await page.locator("#guide-heading", { hasText: heading }).waitFor({ timeout: 20_000 });
  await expect.poll(() => clock(page), { timeout: 10_000 }).toContain("Paused");
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 })
    .toBe("guide-heading");
}

async function gotIt(page: Page): Promise<void> {
  await page.click("#guide-ok");
  await page.locator("#guide").waitFor({ state: "detached" });
  await expect.poll(() => clock(page), { timeout: 10_000 }).not.toContain("Paused");
}

test("a first solo game is guided: each step's card comes before the player acts, and the bots wait for it", async () => {
  const watched = await openPage(chromium, VIEWPORTS.laptop, "en-GB", { guided: true });
  const { page } = watched;
  await page.goto(`${srv.url}/?seed=e2e-guide`);
  await page.locator("#solo-start").waitFor();
  // The first game is guided unless the player says otherwise.
  expect(await page.locator("#solo-guided").isChecked()).toBe(true);
  await page.selectOption("#solo-scenario", "kazakhstan-2022-01");
  await page.selectOption("#solo-state", "BY");
  await page.click("#solo-start");

  await cardUp(page, "Guide, step 1 of 8: the briefing");
  expect(await page.locator("#guide p").textContent()).toContain("You lead Belarus.");
  await shot(page, "guide-briefing-1280x800");
  await gotIt(page);
  await page.click("#ready-btn");

  // The appeal is Kazakhstan's move: while Belarus reads its card, Kazakhstan's bot has not asked.
  await cardUp(page, "Guide, step 2 of 8: the appeal");
  expect(await page.locator("#guide p").textContent()).toContain(
    "Kazakhstan decides whether to ask for help",
  );
  expect(await page.locator("#panel").textContent()).toContain("Nobody has asked for help yet.");
  await gotIt(page);

  // Once read, the game goes on: the host asks, and the consultations' card comes in its turn.
  await cardUp(page, "Guide, step 4 of 8: consultations");
  expect(await page.locator("#guide p").textContent()).toContain("A text goes on the table.");
  await gotIt(page);
  expect(watched.problems.filter((p) => !/GPU stall due to ReadPixels/.test(p))).toEqual([]);
  await watched.context.close();
});
