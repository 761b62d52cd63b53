/** Menu: the member states on a dark map, quietly pulsing. */
import { CHOICES } from "../view/forms.ts";
import { CAPITALS } from "../view/geo.ts";
import { COLORS } from "./base.ts";
import { MapScene } from "./map-draw.ts";

export class MenuScene extends MapScene {
  constructor() {
    super("menu");
  }

  protected draw(w: number, h: number): void {
    const members = CHOICES.states.filter((id) => id !== "UZ");
    const { box } = this.drawRegion(w, h, members, null);
    const g = this.g;
    g.lineStyle(1, 0x7aa2c8, 0.35);
    for (const a of members)
      for (const b of members) {
        if (a >= b) continue;
        const p = this.at(CAPITALS[a], box);
        const q = this.at(CAPITALS[b], box);
        g.lineBetween(p.x, p.y, q.x, q.y);
      }
    const m = this.at(CAPITALS.RU, box);
    this.pulse(m.x, m.y, 10, COLORS.me);
  }
}
