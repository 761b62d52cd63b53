/** Debrief: the public tracks over the game's hours. */
import { TRACK_NAMES as TRACKS } from "../view/debrief.ts";
import { COLORS, StageScene } from "./base.ts";

export const TRACK_COLORS: Record<(typeof TRACKS)[number], number> = {
  severity: 0xff5a4f,
  credibility: 0x58a6ff,
  legitimacy: 0x3fb950,
  sovereignty: 0xf2cc60,
};

export class DebriefScene extends StageScene {
  constructor() {
    super("debrief");
  }

  protected draw(w: number, h: number): void {
    const pts = this.vm.tracks;
    const g = this.g;
    const pad = { l: 36, r: 16, t: 24, b: 24 };
    const cw = w - pad.l - pad.r;
    const ch = h - pad.t - pad.b;
    g.lineStyle(1, COLORS.grid, 1);
    for (let v = 0; v <= 10; v += 2) {
      const y = pad.t + ch - (ch * v) / 10;
      g.lineBetween(pad.l, y, pad.l + cw, y);
      this.label(pad.l - 14, y, String(v), 11, COLORS.muted);
    }
    if (pts.length === 0) return;
    const h0 = pts[0]?.hour ?? 0;
    const h1 = Math.max(h0 + 1, pts.at(-1)?.hour ?? 1);
    const x = (hour: number) => pad.l + ((hour - h0) / (h1 - h0)) * cw;
    const y = (v: number) => pad.t + ch - (ch * Math.max(0, Math.min(10, v))) / 10;
    TRACKS.forEach((k) => {
      g.lineStyle(3, TRACK_COLORS[k], 1);
      g.beginPath();
      pts.forEach((p, j) => (j === 0 ? g.moveTo(x(p.hour), y(p[k])) : g.lineTo(x(p.hour), y(p[k]))));
      if (pts.length === 1) g.lineTo(pad.l + cw, y(pts[0]?.[k] ?? 0));
      g.strokePath();
    });
    // The legend is in the DOM panel (coloured swatches beside each track's name).
  }
}
