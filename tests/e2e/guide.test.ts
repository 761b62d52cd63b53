/**
 * The guided crisis in Chromium (issue 12): a first solo game, as Belarus (neither host nor chair).
 * Each step's card comes before the player acts, takes the focus, holds the room paused while it is
 * up (so the bots wait), and "Got it" lets the game go on.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { openPage, shot, VIEWPORTS } from "./browser.ts";
import { browserSuite } from "./suite.ts";

const suite = browserSuite({
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

/**
 * Reads the card away. The next step's card may follow at once (the host's bot moves as soon as the
 * room resumes), so what is waited for is this card's heading going, not the card's place.
 */
async function gotIt(page: Page, heading: string): Promise<void> {
  await page.click("#guide-ok");
  await page.locator("#guide-heading", { hasText: heading }).waitFor({ state: "detached" });
}

test("a first solo game is guided: each step's card comes before the player acts, and the bots wait for it", async () => {
  const watched = await openPage(suite.chromium, VIEWPORTS.laptop, "en-GB", { guided: true });
  const { page } = watched;
  await page.goto(`${suite.srv.url}/?seed=e2e-guide`);
  await page.locator("#solo-start").waitFor();
  // The first game is guided unless the player says otherwise.
  expect(await page.locator("#solo-guided").isChecked()).toBe(true);
  await page.selectOption("#solo-scenario", "kazakhstan-2022-01");
  await page.selectOption("#solo-state", "BY");
  await page.click("#solo-start");

  await cardUp(page, "Guide, step 1 of 8: the briefing");
  expect(await page.locator("#guide p").textContent()).toContain("You lead Belarus.");
  await shot(page, "guide-briefing-1280x800");
  await gotIt(page, "step 1 of 8");
  // Nothing follows the briefing's card until the player is ready: the room runs again.
  await expect.poll(() => clock(page), { timeout: 10_000 }).not.toContain("Paused");
  await page.click("#ready-btn");

  // The appeal is Kazakhstan's move: while Belarus reads its card, Kazakhstan's bot has not asked.
  await cardUp(page, "Guide, step 2 of 8: the appeal");
  expect(await page.locator("#guide p").textContent()).toContain(
    "Kazakhstan decides whether to ask for help",
  );
  expect(await page.locator("#panel").textContent()).toContain("Nobody has asked for help yet.");
  await gotIt(page, "step 2 of 8");

  // Once read, the game goes on: the host asks, and the consultations' card comes in its turn.
  await cardUp(page, "Guide, step 4 of 8: consultations");
  expect(await page.locator("#guide p").textContent()).toContain("A text goes on the table.");
  await gotIt(page, "step 4 of 8");
  expect(watched.problems.filter((p) => !/GPU stall due to ReadPixels/.test(p))).toEqual([]);
  await watched.context.close();
});
