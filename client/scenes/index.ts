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
  // HiDPI: the canvas holds one pixel per device pixel (its box × devicePixelRatio) and is shown at
  // its box's CSS size (the scale manager's zoom, 1 / dpr); each scene's camera zooms by dpr, so the
  // scenes draw in CSS pixels (base.ts). Phaser 4 has no resolution setting of its own for this.
  const dpr = () => Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const sizeOf = (ratio: number) => ({
    width: Math.max(1, Math.round(parent.clientWidth * ratio)),
    height: Math.max(1, Math.round(parent.clientHeight * ratio)),
  });
  let ratio = dpr();
  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent,
    backgroundColor: "#0f1720",
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.NONE, ...sizeOf(ratio), zoom: 1 / ratio },
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
  new ResizeObserver(() => {
    const now = dpr();
    if (now !== ratio) {
      ratio = now;
      game.scale.setZoom(1 / ratio);
    }
    const size = sizeOf(ratio);
    if (size.width !== game.scale.width || size.height !== game.scale.height)
      game.scale.resize(size.width, size.height);
  }).observe(parent);
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
