/** Map: the region, the crisis, and contingents moving from their capitals to it. */
import { COLORS } from "./base.ts";
import { MapScene } from "./map-draw.ts";

export class MapScreenScene extends MapScene {
  private positions = new Map<string, { x: number; y: number }>();

  constructor() {
    super("map");
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
    const g = this.g;
    this.pulse(c.x, c.y, Math.max(10, box.w * 0.02), COLORS.crisis);
    g.fillStyle(COLORS.crisis, 1);
    g.fillCircle(c.x, c.y, Math.max(5, box.w * 0.008));
    const r = Math.max(7, box.w * 0.014);
    for (const t of m.tokens) {
      const from = this.at(t.from, box);
      const to = this.at(t.to, box);
      g.lineStyle(2, t.withdrawn ? 0x555f6b : COLORS.me, 0.6);
      g.lineBetween(from.x, from.y, to.x, to.y);
      const x = from.x + (to.x - from.x) * t.progress;
      const y = from.y + (to.y - from.y) * t.progress;
      const token = this.keep(this.add.circle(x, y, r, t.withdrawn ? 0x555f6b : COLORS.me, 1));
      token.setStrokeStyle(2, 0x0b1119);
      const was = this.positions.get(t.id);
      if (was && (was.x !== x || was.y !== y)) {
        token.setPosition(was.x, was.y);
        this.tweens.add({ targets: token, x, y, duration: 900, ease: "Sine.easeInOut" });
      }
      this.positions.set(t.id, { x, y });
      this.label(x + r * 1.9, y, t.id, Math.max(11, r * 1.2));
    }
  }
}
