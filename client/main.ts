/**
 * The entry point: the DOM layer starts at once; Phaser (its own chunk) loads after and draws the
 * stage. Time to the first frame is kept for the client benchmark.
 */
import { App } from "./app.ts";

declare global {
  interface Window {
    unanimity?: { firstFrameMs?: number; app: App };
  }
}

const app = new App();
window.unanimity = { app };
void app.start();

void import("./scenes/index.ts").then(({ startStage }) => {
  const stage = startStage(document.getElementById("stage") as HTMLElement);
  app.attachStage(stage);
  void stage.firstFrameMs.then((ms) => {
    if (window.unanimity) window.unanimity.firstFrameMs = ms;
  });
});
