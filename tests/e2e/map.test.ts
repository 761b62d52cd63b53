/**
 * The map in Chromium (issue 12): a solo game of Kazakhstan 2022 reaches the deployment, the room is
 * paused there, and the map is saved at 1280×800 and at 390×844 on a 2× screen, with the legend, the
 * contingents on their way to Almaty, and the canvas holding one pixel per device pixel.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { MAP_COLORS } from "../../client/view/geo.ts";
import { shot, skipGuide } from "./browser.ts";
import { browserSuite } from "./suite.ts";

const suite = browserSuite({
  thinkMs: 150,
  timers: {
    briefing: 20,
    appeal: 4,
    bilateral: 4,
    consultations: 15,
    council: 12,
    approvals: 5,
    deployment: 60,
  },
});

/** The canvas's backing store against its CSS box. */
const canvasScale = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector("#stage canvas");
    if (!(c instanceof HTMLCanvasElement)) return null;
    const box = c.getBoundingClientRect();
    return { x: c.width / box.width, y: c.height / box.height, dpr: window.devicePixelRatio };
  });

/** How many sampled canvas pixels have the host's fill (MAP_COLORS.host): the map is drawn, host apart. */
const hostPixels = (page: Page) =>
  page.evaluate((host) => {
    const c = document.querySelector("#stage canvas");
    const ctx = c instanceof HTMLCanvasElement ? c.getContext("2d") : null;
    if (!ctx || !(c instanceof HTMLCanvasElement)) return -1;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4 * 7)
      if (((data[i] ?? 0) << 16) + ((data[i + 1] ?? 0) << 8) + (data[i + 2] ?? 0) === host) n++;
    return n;
  }, MAP_COLORS.host);

describe("the map", () => {
  test("Kazakhstan 2022 in deployment: contingents bound for Almaty, the legend, crisp on a 2× screen", async () => {
    const context = await suite.chromium.browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 2,
      locale: "en-GB",
    });
    await skipGuide(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));

    await page.goto(`${suite.srv.url}/?seed=e2e-map`);
    await page.locator("#solo-start").waitFor();
    await page.selectOption("#solo-scenario", "kazakhstan-2022-01");
    await page.selectOption("#solo-state", "BY");
    await page.click("#solo-start");
    await page.locator("#room-code").waitFor({ timeout: 15_000 });
    await page.click("#ready-btn");
    await page.locator("#vote-support:not([disabled])").waitFor({ timeout: 90_000 });
    await page.click("#vote-support");
    // The first consent opens the deployment, and the client shows the map by itself: pause there.
    await page.waitForFunction(() => document.body.dataset.view === "map", null, { timeout: 120_000 });
    await page.click("#pause-btn");
    await expect.poll(() => page.locator("#clock").textContent()).toContain("Paused");

    expect(await page.locator("#crisis-place").textContent()).toBe("Crisis: Almaty");
    expect(await page.locator("#crisis-sites").textContent()).toContain("Almaty airport");
    const legend = await page.locator("#map-legend li").allTextContents();
    expect(legend).toEqual([
      "Crisis location",
      "Site of the crisis",
      "Host state",
      "Member state",
      "Other country",
      "Capital",
      "Contingent on its way",
      "Contingent in place",
      "Contingent withdrawn",
      "Bilateral, outside the CSTO",
    ]);
    await expect.poll(() => page.locator("#contingents li").count()).toBeGreaterThan(0);
    expect(await page.locator("#contingents").textContent()).toMatch(/Russia: \d+ troops, arrive day/);

    // Kazakhstan is drawn, filled as the host; and again after another screen, with nothing new to show.
    await expect.poll(() => hostPixels(page)).toBeGreaterThan(1000);
    await page.click("#nav-approvals");
    await page.click("#nav-map");
    await expect.poll(() => hostPixels(page)).toBeGreaterThan(1000);

    // HiDPI: twice as many canvas pixels as CSS pixels, both ways.
    expect(await canvasScale(page)).toEqual({ x: 2, y: 2, dpr: 2 });
    await page.locator("#map-legend").scrollIntoViewIfNeeded();
    await shot(page, "map-deployment-1280x800");

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => canvasScale(page)).toEqual({ x: 2, y: 2, dpr: 2 });
    await page.locator("#map-legend").scrollIntoViewIfNeeded();
    await shot(page, "map-deployment-390x844");

    expect(problems).toEqual([]);
    await context.close();
  });
});
