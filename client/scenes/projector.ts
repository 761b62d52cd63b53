/** Projector: the table, large, with the public tracks as bars — readable from the back of a room. */
import { TRACK_NAMES as TRACKS } from "../view/debrief.ts";
import { COLORS } from "./base.ts";
import { TRACK_COLORS } from "./debrief.ts";
import { TableScene } from "./table.ts";

export class ProjectorScene extends TableScene {
  constructor() {
    super("projector");
  }

  protected draw(w: number, h: number): void {
    const barsH = Math.max(60, h * 0.18);
    this.drawTable(w, h - barsH, false);
    const last = this.vm.tracks.at(-1);
    if (!last) return;
    const g = this.g;
    const bw = (w - 40) / TRACKS.length;
    TRACKS.forEach((k, i) => {
      const x = 20 + bw * i;
      const y = h - barsH + 10;
      g.fillStyle(COLORS.none, 1);
      g.fillRect(x + 8, y + barsH * 0.4, bw - 16, barsH * 0.3);
      g.fillStyle(TRACK_COLORS[k], 1);
      g.fillRect(x + 8, y + barsH * 0.4, ((bw - 16) * last[k]) / 10, barsH * 0.3);
      this.label(
        x + bw / 2,
        y + barsH * 0.2,
        String(Math.round(last[k] * 10) / 10),
        Math.max(14, barsH * 0.2),
      );
    });
  }
}
