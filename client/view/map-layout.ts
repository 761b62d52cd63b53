/**
 * The map laid out for a canvas of a given size: Natural Earth's borders projected (an equal-area
 * conic centred on the alliance, fitted to the scenario's members), the capitals, the crisis and its
 * sites, each contingent's route along the great circle from its capital to the crisis and its
 * position on it, and the labels placed so that none overlaps another (labels.ts). Pure: the stage
 * draws exactly this and decides nothing; the tests check it without a browser.
 */
import type { Feature, FeatureCollection, GeoJsonObject, MultiPolygon } from "geojson";
import { geoConicEqualArea, geoInterpolate, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { StateId } from "../../shared/rules/index.ts";
import { CAPITALS, type Place } from "./geo.ts";
import { placeLabels, type Box, type LabelRequest, type PlacedLabel } from "./labels.ts";
import type { MapPlace, MapToken, TokenState } from "./map.ts";
import { ISO_NUMERIC, type CountryProps, type RegionTopology } from "./region.ts";

/** What the map shows, whichever scene draws it (the menu has no crisis and no contingents). */
export interface MapInput {
  members: readonly StateId[];
  host: StateId | null;
  crisis: MapPlace | null;
  sites: readonly MapPlace[];
  tokens: readonly MapToken[];
}

export interface Point {
  x: number;
  y: number;
}

export type CountryKind = "host" | "member" | "other";

export interface MapLayout {
  width: number;
  height: number;
  /** Each country's rings in canvas pixels (CSS); others first, the host last. */
  countries: { id: string; kind: CountryKind; rings: Point[][] }[];
  capitals: { id: StateId; x: number; y: number; host: boolean }[];
  crisis: { x: number; y: number } | null;
  sites: { x: number; y: number }[];
  routes: { id: StateId; state: TokenState; bilateral: boolean; path: number[]; x: number; y: number }[];
  labels: PlacedLabel[];
  /** The markers' radius, and the labels' font size (px). */
  radius: number;
  font: number;
}

/** Collects a projected path as rings, dropping points closer than half a pixel to the last. */
class RingSink {
  rings: Point[][] = [];
  private ring: Point[] = [];
  beginPath(): void {
    return;
  }
  moveTo(x: number, y: number): void {
    this.ring = [{ x, y }];
    this.rings.push(this.ring);
  }
  lineTo(x: number, y: number): void {
    const last = this.ring[this.ring.length - 1] ?? { x, y };
    const dx = x - last.x;
    const dy = y - last.y;
    if (dx * dx + dy * dy >= 0.25) this.ring.push({ x, y });
  }
  closePath(): void {
    return;
  }
  arc(): void {
    return;
  }
}

const featuresCache = new WeakMap<RegionTopology, Feature<MultiPolygon, CountryProps>[]>();
function countriesOf(topo: RegionTopology): Feature<MultiPolygon, CountryProps>[] {
  let out = featuresCache.get(topo);
  if (!out) {
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<MultiPolygon, CountryProps>;
    out = fc.features;
    featuresCache.set(topo, out);
  }
  return out;
}

const lonLat = (p: Place): [number, number] => [p.lon, p.lat];

export function layoutMap(topo: RegionTopology, input: MapInput, width: number, height: number): MapLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const all = countriesOf(topo);
  const memberIds = new Map(input.members.map((id) => [ISO_NUMERIC[id], id]));
  const kindOf = (id: string): CountryKind =>
    input.host !== null && ISO_NUMERIC[input.host] === id ? "host" : memberIds.has(id) ? "member" : "other";

  // Fit the members (Russia by its European capitals only, or it would fill the map) and the crisis.
  const fitted: GeoJsonObject[] = all.filter((f) => {
    const id = memberIds.get(String(f.id));
    return id !== undefined && id !== "RU";
  });
  const points = input.members.map((id) => lonLat(CAPITALS[id]));
  if (input.crisis) points.push(lonLat(input.crisis));
  fitted.push({ type: "MultiPoint", coordinates: points } as GeoJsonObject);
  const pad = Math.max(14, Math.round(Math.min(w, h) * 0.05));
  const projection = geoConicEqualArea()
    .parallels([40, 54])
    .rotate([-58, 0])
    .fitExtent(
      [
        [pad, pad],
        [w - pad, h - pad],
      ],
      { type: "FeatureCollection", features: fitted } as unknown as GeoPermissibleObjects,
    )
    .clipExtent([
      [-4, -4],
      [w + 4, h + 4],
    ]);
  const at = (p: Place): { x: number; y: number } => {
    const q = projection(lonLat(p)) ?? [NaN, NaN];
    return { x: q[0], y: q[1] };
  };

  const order: Record<CountryKind, number> = { other: 0, member: 1, host: 2 };
  const countries = all
    .map((f) => {
      const sink = new RingSink();
      geoPath(projection, sink)(f);
      return { id: String(f.id), kind: kindOf(String(f.id)), rings: sink.rings.filter((r) => r.length >= 3) };
    })
    .filter((c) => c.rings.length > 0)
    .sort((a, b) => order[a.kind] - order[b.kind]);

  const radius = Math.round(Math.max(4, Math.min(7, Math.min(w, h) / 80)) * 10) / 10;
  const font = Math.round(Math.max(11, Math.min(15, Math.min(w, h) / 36)));
  const capitals = input.members.map((id) => ({ id, ...at(CAPITALS[id]), host: id === input.host }));
  const crisis = input.crisis ? at(input.crisis) : null;
  const sites = input.sites.map(at);

  let arrivedIndex = 0;
  const arrivedCount = input.tokens.filter((t) => t.state === "arrived").length;
  const routes = input.tokens.map((t) => {
    const line = geoInterpolate(lonLat(t.from), lonLat(t.to));
    const path: number[] = [];
    for (let i = 0; i <= 32; i++) {
      const q = projection(line(i / 32));
      if (q) path.push(q[0], q[1]);
    }
    let pos = at({ lon: line(t.progress)[0], lat: line(t.progress)[1] });
    if (t.state === "arrived" && crisis) {
      // Contingents in place stand in a ring around the crisis, each visible.
      const angle = (arrivedIndex++ / Math.max(1, arrivedCount)) * 2 * Math.PI - Math.PI / 2;
      const ring = radius * 2.6;
      pos = { x: crisis.x + Math.cos(angle) * ring, y: crisis.y + Math.sin(angle) * ring };
    }
    return { id: t.id, state: t.state, bilateral: t.bilateral, path, x: pos.x, y: pos.y };
  });

  const dot = (p: { x: number; y: number }, r: number): Box => ({
    x: p.x - r,
    y: p.y - r,
    w: r * 2,
    h: r * 2,
  });
  const obstacles: Box[] = [
    ...capitals.map((c) => dot(c, radius)),
    ...routes.map((r) => dot(r, radius)),
    ...sites.map((s) => dot(s, radius * 0.8)),
    ...(crisis ? [dot(crisis, radius * 1.6)] : []),
  ];
  const gap = radius + 3;
  const requests: LabelRequest[] = [];
  if (crisis && input.crisis)
    requests.push({
      text: input.crisis.name,
      ...crisis,
      size: font + 1,
      gap: radius * 1.6 + 3,
      kind: "crisis",
    });
  for (const c of [...capitals].sort((a, b) => Number(b.host) - Number(a.host)))
    requests.push({ text: c.id, x: c.x, y: c.y, size: font, gap, kind: c.host ? "host" : "capital" });
  const near = (a: Point, b: Point | null | undefined, d: number) =>
    b !== null && b !== undefined && Math.hypot(a.x - b.x, a.y - b.y) < d;
  // A contingent still by its capital is named by the capital's label; a site the crisis marker
  // covers at this scale is named in the panel only.
  for (const r of routes)
    if (
      r.state === "moving" &&
      !near(
        r,
        capitals.find((c) => c.id === r.id),
        radius * 3,
      )
    )
      requests.push({ text: r.id, x: r.x, y: r.y, size: font, gap, kind: "token" });
  input.sites.forEach((s, i) => {
    const p = sites[i];
    if (p && !near(p, crisis, radius * 2.5))
      requests.push({ text: s.name, ...p, size: font - 1, gap: radius + 2, kind: "site" });
  });
  const labels = placeLabels(requests, obstacles, w, h);
  return { width: w, height: h, countries, capitals, crisis, sites, routes, labels, radius, font };
}
