/** Menu: the member states on a dark map, quietly pulsing. */
import { CHOICES } from "../view/forms.ts";
import { COLORS } from "./base.ts";
import { MapScene } from "./map-draw.ts";

export class MenuScene extends MapScene {
  constructor() {
    super("menu");
  }

  protected draw(w: number, h: number): void {
    const members = CHOICES.states.filter((id) => id !== "UZ");
    const m = this.layout(w, h, { members, host: null, crisis: null, sites: [], tokens: [] });
    if (!m) return;
    this.drawBase(m);
    const g = this.g;
    g.lineStyle(1, 0x7aa2c8, 0.35);
    for (const a of m.capitals)
      for (const b of m.capitals) if (a.id < b.id) g.lineBetween(a.x, a.y, b.x, b.y);
    const ru = m.capitals.find((c) => c.id === "RU");
    if (ru) this.pulse(ru.x, ru.y, 10, COLORS.me);
    this.drawLabels(m);
  }
}
