/**
 * Every scenario's crisis and sites lie inside the borders of the country the scenario says they are
 * in (its `location.country`, else the host), on Natural Earth's countries-50m and on the region the
 * map draws (cut from it at build time, client/view/region.ts); a location outside the host's own
 * borders (Nagorno-Karabakh, in Azerbaijan's) must say so, and is checked to be outside the host's.
 */
import { readFileSync } from "node:fs";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { geoContains } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { ISO_NUMERIC, regionTopology } from "../../client/view/region.ts";
import { locationCountry } from "../../shared/scenarios/location.ts";
import { SCENARIO_IDS, scenario } from "../helpers.ts";

const world = JSON.parse(
  readFileSync(new URL("../../node_modules/world-atlas/countries-50m.json", import.meta.url), "utf8"),
) as Topology;
const region = regionTopology(world);

type Country = Feature<Polygon | MultiPolygon>;
function countries(topo: Topology): Map<string, Country> {
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return new Map(fc.features.map((f) => [String(f.id), f]));
}
const MAPS = { "countries-50m": countries(world), "the drawn region": countries(region) };

function borders(map: Map<string, Country>, code: string): Country {
  const id = ISO_NUMERIC[code];
  const f = id === undefined ? undefined : map.get(id);
  if (!f) throw new Error(`no borders for ${code}`);
  return f;
}

describe.each(Object.entries(MAPS))("crisis locations on %s", (_name, map) => {
  it.each(SCENARIO_IDS)("%s: the crisis and its sites lie inside the named country", (id) => {
    const s = scenario(id);
    const country = borders(map, locationCountry(s));
    const host = borders(map, s.host);
    const places = [s.location, ...s.location.sites];
    expect(s.location.sites.length).toBeGreaterThan(0);
    for (const p of places) {
      expect(geoContains(country, [p.lon, p.lat]), `${p.name.en} in ${locationCountry(s)}`).toBe(true);
      // A location that names another country must really be outside the host's borders.
      if (locationCountry(s) !== s.host)
        expect(geoContains(host, [p.lon, p.lat]), `${p.name.en} outside ${s.host}`).toBe(false);
    }
  });
});

describe("the check itself", () => {
  it("tells a place in one country from its neighbour's", () => {
    const map = MAPS["countries-50m"];
    // Almaty is in Kazakhstan, not Kyrgyzstan, though close to the border; Stepanakert is not in Armenia.
    expect(geoContains(borders(map, "KZ"), [76.946, 43.238])).toBe(true);
    expect(geoContains(borders(map, "KG"), [76.946, 43.238])).toBe(false);
    expect(geoContains(borders(map, "AM"), [46.752, 39.815])).toBe(false);
    expect(geoContains(borders(map, "AZ"), [46.752, 39.815])).toBe(true);
  });

  it("Karabakh 2020 names Azerbaijan as the country its location lies in", () => {
    const s = scenario("armenia-2020-karabakh");
    expect(s.host).toBe("AM");
    expect(s.location.country).toBe("AZ");
  });
});
