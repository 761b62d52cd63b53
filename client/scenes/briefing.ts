/** Briefing: the region and where the crisis is. */
import { MapScene } from "./map-draw.ts";

export class BriefingScene extends MapScene {
  constructor() {
    super("briefing");
  }

  protected draw(w: number, h: number): void {
    const vm = this.vm.map;
    if (!vm) return;
    const m = this.layout(w, h, {
      members: vm.members.map((x) => x.id),
      host: vm.host,
      crisis: vm.crisis,
      sites: vm.sites,
      tokens: [],
    });
    if (!m) return;
    this.drawBase(m);
    this.drawCrisis(m);
    this.drawLabels(m);
  }
}
