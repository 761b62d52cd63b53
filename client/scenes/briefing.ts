/** Briefing: the region and where the crisis is. */
import { COLORS } from "./base.ts";
import { MapScene } from "./map-draw.ts";

export class BriefingScene extends MapScene {
  constructor() {
    super("briefing");
  }

  protected draw(w: number, h: number): void {
    const m = this.vm.map;
    if (!m) return;
    const host = m.members.find((x) => x.host)?.id ?? null;
    const { box } = this.drawRegion(
      w,
      h,
      m.members.map((x) => x.id),
      host,
    );
    const c = this.at(m.crisis, box);
    this.pulse(c.x, c.y, Math.max(10, box.w * 0.02), COLORS.crisis);
    this.g.fillStyle(COLORS.crisis, 1);
    this.g.fillCircle(c.x, c.y, Math.max(5, box.w * 0.008));
  }
}
