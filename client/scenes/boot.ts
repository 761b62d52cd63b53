/** Boot: the first scene; it tells the stage it is ready to show the others. */
import Phaser from "phaser";

export class BootScene extends Phaser.Scene {
  constructor() {
    super("boot");
  }

  create(): void {
    this.game.events.emit("stage-ready");
  }
}
