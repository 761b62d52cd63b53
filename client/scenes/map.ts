/** Map: the region, the crisis and its sites, and contingents moving from their capitals to it. */
import { MapScene } from "./map-draw.ts";

export class MapScreenScene extends MapScene {
  /** Where each token was last drawn, at which canvas size: a move at the same size is animated. */
  private positions = new Map<string, { x: number; y: number }>();
  private sizeKey = "";

  constructor() {
    super("map");
  }

  protected draw(w: number, h: number): void {
    const vm = this.vm.map;
    if (!vm) return;
    const m = this.layout(w, h, {
      members: vm.members.map((x) => x.id),
      host: vm.host,
      crisis: vm.crisis,
      sites: vm.sites,
      tokens: vm.tokens,
    });
    if (!m) return;
    const size = `${String(w)}x${String(h)}`;
    if (size !== this.sizeKey) this.positions.clear();
    this.sizeKey = size;
    this.drawBase(m);
    this.drawCrisis(m);
    for (const t of this.drawRoutes(m)) {
      const token = this.keep(this.add.circle(t.x, t.y, m.radius, t.color, 1));
      token.setStrokeStyle(2, 0x0b1119);
      const was = this.positions.get(t.id);
      if (was && (was.x !== t.x || was.y !== t.y)) {
        token.setPosition(was.x, was.y);
        this.tweens.add({ targets: token, x: t.x, y: t.y, duration: 900, ease: "Sine.easeInOut" });
      }
      this.positions.set(t.id, { x: t.x, y: t.y });
    }
    this.drawLabels(m);
  }
}
