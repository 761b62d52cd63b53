/**
 * The map's data: the countries around the CSTO, cut from Natural Earth's borders (world-atlas's
 * countries-50m TopoJSON). `regionTopology` runs at build time (vite.config.ts serves its result as
 * the lazily loaded module `virtual:region-atlas`) and in the tests, on the same file: it keeps the
 * countries, and the parts of them, that reach the region, and only the arcs they use, so the
 * browser downloads a small TopoJSON instead of the world's. Pure: the caller reads the file.
 */
import { geoBounds } from "d3-geo";
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import { feature } from "topojson-client";

/** The window of the world whose countries are kept (degrees); the drawn frame is inside it. */
export const REGION_WINDOW = { west: 14, east: 96, south: 26, north: 70 } as const;

/**
 * The grid the kept arcs are snapped to, in degrees (about 2 km): a third of a pixel where the map
 * is drawn widest, and a much smaller file than Natural Earth's own 1:50m precision.
 */
export const REGION_GRID_DEGREES = 0.02;

/** A country of the region: its Natural Earth (ISO 3166-1 numeric) id and its name there. */
export interface CountryProps {
  name: string;
}
export type RegionTopology = Topology<{ countries: GeometryCollection<CountryProps> }>;

/** ISO 3166-1 alpha-2 (the codes scenarios use) to the numeric ids Natural Earth's features carry. */
export const ISO_NUMERIC: Record<string, string> = {
  RU: "643",
  KZ: "398",
  BY: "112",
  AM: "051",
  KG: "417",
  TJ: "762",
  UZ: "860",
  AZ: "031",
  GE: "268",
  TM: "795",
  AF: "004",
  CN: "156",
  IR: "364",
  MN: "496",
  UA: "804",
  TR: "792",
};

type Bounds = [[number, number], [number, number]];

function reaches(b: Bounds): boolean {
  const [[w, s], [e, n]] = b;
  const w0 = REGION_WINDOW;
  if (n < w0.south || s > w0.north) return false;
  // geoBounds gives west > east for a shape across the antimeridian (Russia's far east).
  if (w > e) return true;
  return !(e < w0.west || w > w0.east);
}

/** The countries (and, of each, the polygons) that reach the region, with only the arcs they use. */
export function regionTopology(world: Topology): RegionTopology {
  const countries = world.objects.countries as GeometryCollection<CountryProps>;
  const used = new Map<number, number>();
  const arcs: Topology["arcs"] = [];
  const remap = (i: number): number => {
    const old = i < 0 ? ~i : i;
    let now = used.get(old);
    if (now === undefined) {
      now = arcs.length;
      used.set(old, now);
      arcs.push(world.arcs[old] ?? []);
    }
    return i < 0 ? ~now : now;
  };
  const polygonReaches = (rings: number[][]): boolean =>
    reaches(geoBounds(feature(world, { type: "Polygon", arcs: rings })));
  const kept: (Polygon<CountryProps> | MultiPolygon<CountryProps>)[] = [];
  for (const g of countries.geometries) {
    if (g.type !== "Polygon" && g.type !== "MultiPolygon") continue;
    if (g.id === undefined) continue;
    const polygons = (g.type === "Polygon" ? [g.arcs] : g.arcs).filter(polygonReaches);
    if (polygons.length === 0) continue;
    const mapped = polygons.map((rings) => rings.map((ring) => ring.map(remap)));
    const properties = { name: g.properties?.name ?? String(g.id) };
    kept.push({ type: "MultiPolygon", id: g.id, properties, arcs: mapped });
  }
  const out: RegionTopology = {
    type: "Topology",
    objects: { countries: { type: "GeometryCollection", geometries: kept } },
    arcs,
  };
  return world.transform ? coarsen(out, world.transform) : out;
}

/**
 * The arcs snapped to the region's grid (delta-encoded again, repeated points dropped). Arcs stay
 * shared, so neighbours keep one border; each arc keeps its two ends.
 */
function coarsen(topo: RegionTopology, t: NonNullable<Topology["transform"]>): RegionTopology {
  const [sx, sy] = t.scale;
  const [tx, ty] = t.translate;
  const g = REGION_GRID_DEGREES;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const pts: [number, number][] = [];
    for (const [dx, dy] of arc as [number, number][]) {
      x += dx;
      y += dy;
      pts.push([Math.round((x * sx) / g), Math.round((y * sy) / g)]);
    }
    const out: [number, number][] = [];
    let px = 0;
    let py = 0;
    pts.forEach(([qx, qy], i) => {
      const last = i === pts.length - 1;
      if (i > 0 && !last && qx === px && qy === py) return;
      out.push(i === 0 ? [qx, qy] : [qx - px, qy - py]);
      px = qx;
      py = qy;
    });
    return out;
  });
  return { ...topo, arcs, transform: { scale: [g, g], translate: [tx, ty] } };
}
