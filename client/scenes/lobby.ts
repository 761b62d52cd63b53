/** Lobby: the table with each seat's flag, who holds it, and who is ready. */
import { TableScene } from "./table.ts";

export class LobbyScene extends TableScene {
  constructor() {
    super("lobby");
  }

  protected draw(w: number, h: number): void {
    this.drawTable(w, h, true);
  }
}
