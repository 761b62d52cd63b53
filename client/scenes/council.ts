/** Council: the table of leaders, who is speaking, each position or vote, and the tally. */
import { TableScene } from "./table.ts";

export class CouncilScene extends TableScene {
  constructor() {
    super("council");
  }

  protected draw(w: number, h: number): void {
    this.drawTable(w, h, false);
  }
}
