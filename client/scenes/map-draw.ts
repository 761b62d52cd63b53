/**
 * The region, drawn by the briefing, map and menu scenes from the laid-out map (client/view/
 * map-layout.ts): borders, the host filled apart, capitals, the crisis and its sites, contingents and
 * their routes, and the labels where the layout put them. The borders are a chunk of their own,
 * loaded once, the first time a map is drawn.
 */
import type { RegionTopology } from "../view/region.ts";
import { MAP_COLORS as C } from "../view/geo.ts";
import { layoutMap, type MapInput, type MapLayout } from "../view/map-layout.ts";
import { StageScene } from "./base.ts";

let atlas: RegionTopology | null = null;
let loading: Promise<RegionTopology> | null = null;
function loadAtlas(): Promise<RegionTopology> {
  loading ??= import("virtual:region-atlas").then((m) => (atlas = m.default));
  return loading;
}

const FILL = { other: C.other, member: C.member, host: C.host } as const;
const EDGE = { other: C.otherEdge, member: C.memberEdge, host: C.hostEdge } as const;
const TOKEN = { moving: C.moving, arrived: C.arrived, withdrawn: C.withdrawn } as const;
const TEXT = {
  crisis: "#ffd2cc",
  host: "#ffe2d6",
  capital: "#dbe7f3",
  token: "#ffe9a8",
  site: "#ffd9a8",
} as const;

export abstract class MapScene extends StageScene {
  private laidOut: { key: string; layout: MapLayout } | null = null;

  /** The laid-out map for this size, or null (and a redraw once loaded) while the borders load. */
  protected layout(w: number, h: number, input: MapInput): MapLayout | null {
    if (!atlas) {
      void loadAtlas().then(() => {
        this.redraw();
      });
      return null;
    }
    const key = `${String(w)}x${String(h)}:${JSON.stringify(input)}`;
    if (this.laidOut?.key !== key) this.laidOut = { key, layout: layoutMap(atlas, input, w, h) };
    return this.laidOut.layout;
  }

  /** Borders and capitals: what every map shows. */
  protected drawBase(m: MapLayout): void {
    const g = this.g;
    for (const c of m.countries) {
      g.fillStyle(FILL[c.kind], 1);
      g.lineStyle(c.kind === "other" ? 1 : 1.4, EDGE[c.kind], c.kind === "other" ? 0.8 : 1);
      for (const ring of c.rings) {
        g.beginPath();
        ring.forEach((p, i) => {
          if (i === 0) g.moveTo(p.x, p.y);
          else g.lineTo(p.x, p.y);
        });
        g.closePath();
        g.fillPath();
        g.strokePath();
      }
    }
    for (const c of m.capitals) {
      g.fillStyle(C.capital, 1);
      g.lineStyle(1.5, 0x0b1119, 1);
      g.fillCircle(c.x, c.y, m.radius * 0.8);
      g.strokeCircle(c.x, c.y, m.radius * 0.8);
    }
  }

  /** The crisis, pulsing, and its sites. */
  protected drawCrisis(m: MapLayout): void {
    const g = this.g;
    const r = m.radius;
    for (const s of m.sites) {
      g.fillStyle(C.site, 1);
      g.lineStyle(1, 0x0b1119, 1);
      g.fillTriangle(s.x, s.y - r, s.x + r * 0.8, s.y + r * 0.6, s.x - r * 0.8, s.y + r * 0.6);
    }
    if (!m.crisis) return;
    this.pulse(m.crisis.x, m.crisis.y, r * 2, C.crisis);
    g.fillStyle(C.crisis, 1);
    g.lineStyle(2, 0xffffff, 0.9);
    g.fillCircle(m.crisis.x, m.crisis.y, r * 1.2);
    g.strokeCircle(m.crisis.x, m.crisis.y, r * 1.2);
  }

  /** The routes (dashed while moving) and each contingent's token. */
  protected drawRoutes(m: MapLayout): { id: string; x: number; y: number; color: number }[] {
    const g = this.g;
    const out: { id: string; x: number; y: number; color: number }[] = [];
    for (const r of m.routes) {
      const color = r.bilateral && r.state !== "withdrawn" ? C.bilateral : TOKEN[r.state];
      g.lineStyle(2, color, r.state === "withdrawn" ? 0.35 : 0.75);
      const pts = r.path;
      for (let i = 2; i + 1 < pts.length; i += 2) {
        // Every other segment while on the way: a dashed line ahead of arrival.
        if (r.state === "moving" && i % 4 === 0) continue;
        g.lineBetween(pts[i - 2] ?? 0, pts[i - 1] ?? 0, pts[i] ?? 0, pts[i + 1] ?? 0);
      }
      out.push({ id: r.id, x: r.x, y: r.y, color });
    }
    return out;
  }

  /** Each label on a dark plate, exactly in the box the layout gave it. */
  protected drawLabels(m: MapLayout): void {
    for (const l of m.labels) {
      this.g.fillStyle(0x0b1119, 0.78);
      this.g.fillRoundedRect(l.x, l.y, l.w, l.h, 3);
      this.label(l.x + l.w / 2, l.y + l.h / 2, l.text, l.size, TEXT[l.kind]);
    }
  }
}
