/**
 * What the DOM layer hands to the Phaser stage: plain data, no text but state codes. Kept apart from
 * Phaser so the main chunk never imports it.
 */
import type { SeatHolder } from "../../shared/protocol/index.ts";
import type { Phase, StateId } from "../../shared/rules/index.ts";
import type { MapVM, TrackPoint } from "../view/models.ts";

export const SCENE_KEYS = [
  "menu",
  "lobby",
  "briefing",
  "council",
  "map",
  "approvals",
  "debrief",
  "projector",
] as const;
export type SceneKey = (typeof SCENE_KEYS)[number];

export interface StageSeat {
  id: StateId;
  isMe: boolean;
  isChair: boolean;
  isHost: boolean;
  ready: boolean;
  stanceKey: string;
  speaking: boolean;
  holder: SeatHolder;
}

export interface StageApproval {
  id: StateId;
  steps: { done: boolean; failed: boolean }[];
  yes: number;
  no: number;
  needed: number;
  seats: number;
  status: string;
}

export interface StageData {
  phase: Phase | null;
  seats: StageSeat[];
  map: MapVM | null;
  approvals: StageApproval[];
  tracks: TrackPoint[];
  /** Projector: large, high-contrast drawing. */
  large: boolean;
}

export interface Stage {
  show(scene: SceneKey, data: StageData): void;
  /** Time from navigation start to the first rendered frame (ms). */
  firstFrameMs: Promise<number>;
}
