/** The region, drawn by the briefing, map and menu scenes: graticule, capitals, the crisis, contingents. */
import type { StateId } from "../../shared/rules/index.ts";
import { CAPITALS, MAP_FRAME, project, type Place } from "../view/geo.ts";
import { COLORS, StageScene } from "./base.ts";

export abstract class MapScene extends StageScene {
  /** The map's box inside the canvas, keeping the frame's aspect. */
  protected box(w: number, h: number): { x: number; y: number; w: number; h: number } {
    const aspect = (MAP_FRAME.east - MAP_FRAME.west) / ((MAP_FRAME.north - MAP_FRAME.south) * 1.3);
    let bw = w * 0.94;
    let bh = bw / aspect;
    if (bh > h * 0.9) {
      bh = h * 0.9;
      bw = bh * aspect;
    }
    return { x: (w - bw) / 2, y: (h - bh) / 2, w: bw, h: bh };
  }

  protected at(p: Place, b: { x: number; y: number; w: number; h: number }): { x: number; y: number } {
    const q = project(p, b.w, b.h);
    return { x: b.x + q.x, y: b.y + q.y };
  }

  protected drawRegion(
    w: number,
    h: number,
    members: readonly StateId[],
    host: StateId | null,
  ): {
    box: { x: number; y: number; w: number; h: number };
  } {
    const g = this.g;
    const b = this.box(w, h);
    g.fillStyle(COLORS.land, 1);
    g.fillRoundedRect(b.x, b.y, b.w, b.h, 12);
    g.lineStyle(1, COLORS.grid, 1);
    for (let lon = 25; lon < MAP_FRAME.east; lon += 10) {
      const a = this.at({ lon, lat: MAP_FRAME.north }, b);
      const z = this.at({ lon, lat: MAP_FRAME.south }, b);
      g.lineBetween(a.x, a.y, z.x, z.y);
    }
    for (let lat = 40; lat < MAP_FRAME.north; lat += 5) {
      const a = this.at({ lon: MAP_FRAME.west, lat }, b);
      const z = this.at({ lon: MAP_FRAME.east, lat }, b);
      g.lineBetween(a.x, a.y, z.x, z.y);
    }
    const r = Math.max(6, Math.min(b.w, b.h) * 0.02);
    const size = Math.max(11, r * 1.6);
    for (const id of members) {
      const p = this.at(CAPITALS[id], b);
      g.fillStyle(id === host ? COLORS.crisis : 0x7aa2c8, 1);
      g.fillCircle(p.x, p.y, r);
      this.flag(id, p.x, p.y - r * 2.6, r * 2.4, r * 1.6);
      this.label(p.x, p.y + r * 2, id, size);
    }
    return { box: b };
  }
}
