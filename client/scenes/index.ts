/**
 * The Phaser stage (its own chunk, loaded after the DOM layer): one game, one scene per screen, fed
 * with `StageData` by the app. Canvas only draws; every text that matters is in the DOM.
 */
import Phaser from "phaser";
import { ApprovalsScene } from "./approvals.ts";
import { BootScene } from "./boot.ts";
import { BriefingScene } from "./briefing.ts";
import { ConsultationsScene } from "./consultations.ts";
import { DebriefScene } from "./debrief.ts";
import { LobbyScene } from "./lobby.ts";
import { MapScreenScene } from "./map.ts";
import { MenuScene } from "./menu.ts";
import { ProjectorScene } from "./projector.ts";
import type { SceneKey, Stage, StageData } from "./types.ts";

export function startStage(parent: HTMLElement): Stage {
  let frame: (ms: number) => void = () => undefined;
  const firstFrameMs = new Promise<number>((resolve) => (frame = resolve));
  // The Canvas renderer: the stage draws flat shapes, starts faster than WebGL, and software WebGL
  // (headless browsers, old school laptops) logs driver warnings on every read-back.
  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent,
    backgroundColor: "#0f1720",
    banner: false,
    audio: { noAudio: true },
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: Math.max(1, parent.clientWidth),
      height: Math.max(1, parent.clientHeight),
    },
    scene: [
      BootScene,
      MenuScene,
      LobbyScene,
      BriefingScene,
      ConsultationsScene,
      MapScreenScene,
      ApprovalsScene,
      DebriefScene,
      ProjectorScene,
    ],
  });
  // Phaser's typings say both are always there; at runtime `getScene` returns null for a key it
  // does not hold, and `canvas` stays null until the game boots (after DOMContentLoaded).
  const sceneOf = (key: SceneKey): Phaser.Scene | null => game.scene.getScene(key);
  const canvasOf = (): HTMLCanvasElement | null => game.canvas;
  game.events.once(Phaser.Core.Events.POST_RENDER, () => frame(performance.now()));
  canvasOf()?.setAttribute("aria-hidden", "true");

  let ready = false;
  let current: SceneKey | null = null;
  let pending: { scene: SceneKey; data: StageData } | null = null;

  const apply = (scene: SceneKey, data: StageData) => {
    if (scene === current) {
      sceneOf(scene)?.events.emit("vm", data);
      return;
    }
    if (current) game.scene.stop(current);
    current = scene;
    game.scene.start(scene, data);
  };

  game.events.once("stage-ready", () => {
    ready = true;
    canvasOf()?.setAttribute("aria-hidden", "true");
    if (pending) apply(pending.scene, pending.data);
    pending = null;
  });

  return {
    firstFrameMs,
    show(scene, data) {
      if (!ready) pending = { scene, data };
      else apply(scene, data);
    },
  };
}
