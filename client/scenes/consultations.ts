/**
 * Consultations (and the appeal, the bilateral answer and the Council vote that share the table):
 * the leaders, who is speaking, each position or vote, and the tally.
 */
import { TableScene } from "./table.ts";

export class ConsultationsScene extends TableScene {
  constructor() {
    super("consultations");
  }

  protected draw(w: number, h: number): void {
    this.drawTable(w, h, false);
  }
}
