/**
 * The laid-out map (client/view/map-layout.ts) for every scenario at laptop and phone sizes: no two
 * labels overlap and every label stays on the canvas, the crisis is always named, the host is the
 * one country filled as host, each route runs from the sending capital to the crisis, and the crisis
 * marker lands inside the drawn borders of the country it lies in.
 */
import { readFileSync } from "node:fs";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { intersects } from "../../client/view/labels.ts";
import { layoutMap, type MapInput, type MapLayout, type Point } from "../../client/view/map-layout.ts";
import type { MapToken, TokenState } from "../../client/view/map.ts";
import { CAPITALS } from "../../client/view/geo.ts";
import { ISO_NUMERIC, regionTopology } from "../../client/view/region.ts";
import { locationCountry } from "../../shared/scenarios/location.ts";
import type { StateId } from "../../shared/rules/index.ts";
import { SCENARIO_IDS, scenario } from "../helpers.ts";

const world = JSON.parse(
  readFileSync(new URL("../../node_modules/world-atlas/countries-50m.json", import.meta.url), "utf8"),
) as Topology;
const region = regionTopology(world);

/** The stage's box at 1280×800 and 1366×768 (beside the panel), and on a phone (a band on top). */
const SIZES = [
  { name: "laptop 1280×800", w: 742, h: 690 },
  { name: "laptop 1366×768", w: 792, h: 660 },
  { name: "phone 390×844", w: 390, h: 270 },
  { name: "small phone", w: 320, h: 200 },
] as const;

function input(id: string, lang: "en" | "ru", state: TokenState, progress: number): MapInput {
  const s = scenario(id);
  const to = { lon: s.location.lon, lat: s.location.lat };
  const senders = s.members.filter((m) => m !== s.host);
  const tokens: MapToken[] = senders.map((m, i) => ({
    id: m,
    from: CAPITALS[m],
    to,
    // Each a little further along, so moving tokens spread like real ones.
    progress: state === "withdrawn" ? 0 : state === "arrived" ? 1 : Math.min(1, progress + i * 0.07),
    troops: 100,
    label: m,
    state,
    withdrawn: state === "withdrawn",
    bilateral: i === 0,
  }));
  return {
    members: s.members,
    host: s.host,
    crisis: { ...to, name: s.location.name[lang] },
    sites: s.location.sites.map((p) => ({ lon: p.lon, lat: p.lat, name: p.name[lang] })),
    tokens,
  };
}

function inside(p: Point, rings: Point[][]): boolean {
  let odd = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Point;
      const b = ring[j] as Point;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
    }
  return odd;
}

function checkLabels(m: MapLayout): void {
  for (const [i, a] of m.labels.entries()) {
    expect(a.x, a.text).toBeGreaterThanOrEqual(0);
    expect(a.y, a.text).toBeGreaterThanOrEqual(0);
    expect(a.x + a.w, a.text).toBeLessThanOrEqual(m.width);
    expect(a.y + a.h, a.text).toBeLessThanOrEqual(m.height);
    for (const b of m.labels.slice(i + 1)) expect(intersects(a, b), `${a.text} / ${b.text}`).toBe(false);
  }
}

const CASES = SCENARIO_IDS.flatMap((id) =>
  SIZES.flatMap((size) =>
    (["en", "ru"] as const).flatMap((lang) =>
      (
        [
          ["moving", 0.05],
          ["moving", 0.5],
          ["moving", 0.93],
          ["arrived", 1],
          ["withdrawn", 0],
        ] as const
      ).map(([state, progress]) => ({ id, size, lang, state, progress })),
    ),
  ),
);

describe("the laid-out map", () => {
  it.each(CASES)("$id at $size.name ($lang), contingents $state $progress: labels never overlap", (c) => {
    const m = layoutMap(region, input(c.id, c.lang, c.state, c.progress), c.size.w, c.size.h);
    checkLabels(m);
    expect(m.labels.some((l) => l.kind === "crisis")).toBe(true);
  });

  it.each(SCENARIO_IDS)("%s: the host is filled as host, and routes end at the crisis", (id) => {
    const s = scenario(id);
    const m = layoutMap(region, input(id, "en", "moving", 0.3), 742, 690);
    expect(m.countries.filter((c) => c.kind === "host").map((c) => c.id)).toEqual([ISO_NUMERIC[s.host]]);
    const members = m.countries.filter((c) => c.kind !== "other").map((c) => c.id);
    expect(members.sort()).toEqual(s.members.map((x) => ISO_NUMERIC[x]).sort());
    const crisis = m.crisis as Point;
    for (const r of m.routes) {
      const cap = m.capitals.find((x) => x.id === r.id) as Point;
      expect(r.path.slice(0, 2)).toEqual([expect.closeTo(cap.x, 3), expect.closeTo(cap.y, 3)]);
      expect(r.path.slice(-2)).toEqual([expect.closeTo(crisis.x, 3), expect.closeTo(crisis.y, 3)]);
      // On its way: off the capital, short of the crisis.
      expect(Math.hypot(r.x - cap.x, r.y - cap.y)).toBeGreaterThan(1);
      expect(Math.hypot(r.x - crisis.x, r.y - crisis.y)).toBeGreaterThan(1);
    }
  });

  it.each(SCENARIO_IDS)("%s: the crisis marker lies inside its country's drawn borders", (id) => {
    const s = scenario(id);
    const m = layoutMap(region, input(id, "en", "arrived", 1), 742, 690);
    const country = m.countries.find((c) => c.id === ISO_NUMERIC[locationCountry(s)]);
    expect(country).toBeDefined();
    expect(inside(m.crisis as Point, country?.rings ?? [])).toBe(true);
    if (locationCountry(s) !== s.host) {
      const host = m.countries.find((c) => c.id === ISO_NUMERIC[s.host]);
      expect(inside(m.crisis as Point, host?.rings ?? [])).toBe(false);
    }
  });

  it("contingents in place stand around the crisis, each apart", () => {
    const m = layoutMap(region, input("kazakhstan-2022-01", "en", "arrived", 1), 742, 690);
    const crisis = m.crisis as Point;
    const senders: StateId[] = m.routes.map((r) => r.id);
    expect(senders.length).toBeGreaterThan(2);
    for (const [i, a] of m.routes.entries()) {
      expect(Math.hypot(a.x - crisis.x, a.y - crisis.y)).toBeLessThan(m.radius * 4);
      for (const b of m.routes.slice(i + 1))
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(m.radius);
    }
  });
});
