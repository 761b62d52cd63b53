/**
 * What the stage shows: one scene per view, fed with `StageData` (the stage view-model in
 * client/view/stage.ts). Kept apart from Phaser so the main chunk never imports it.
 */
import type { StageData } from "../view/stage.ts";

export type { StageApproval, StageData, StageSeat } from "../view/stage.ts";

export const SCENE_KEYS = [
  "menu",
  "lobby",
  "briefing",
  "consultations",
  "map",
  "approvals",
  "debrief",
  "projector",
] as const;
export type SceneKey = (typeof SCENE_KEYS)[number];

export interface Stage {
  show(scene: SceneKey, data: StageData): void;
  /** Time from navigation start to the first rendered frame (ms). */
  firstFrameMs: Promise<number>;
}
