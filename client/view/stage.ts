/**
 * The stage view-model: what the DOM layer hands to the Phaser stage for a view — plain data, no text
 * but state codes. Kept apart from Phaser so the main chunk never imports it.
 */
import type { Language } from "../../shared/i18n/index.ts";
import type { SeatHolder } from "../../shared/protocol/index.ts";
import type { Phase, StateId } from "../../shared/rules/index.ts";
import { approvalsVM } from "./approvals.ts";
import type { TrackPoint } from "./debrief.ts";
import { mapVM, type MapVM } from "./map.ts";
import type { View } from "./router.ts";
import type { Snapshot } from "./snapshot.ts";
import { seatsVM } from "./table.ts";

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

export function stageData(
  view: View,
  snap: Snapshot | null,
  lang: Language,
  tracks: TrackPoint[],
): StageData {
  if (!snap) return { phase: null, seats: [], map: null, approvals: [], tracks, large: view === "projector" };
  return {
    phase: snap.phase,
    seats: seatsVM(snap, lang).map((row) => ({
      id: row.id,
      isMe: row.isMe,
      isChair: row.isChair,
      isHost: row.isHost,
      ready: row.ready,
      stanceKey: row.stanceKey,
      speaking: row.speaking,
      holder: snap.seats[row.id]?.holder ?? "open",
    })),
    map: mapVM(snap, lang),
    approvals: approvalsVM(snap, lang).map((row) => {
      const track = snap.view.approvals[row.id];
      const last = track?.sittings.at(-1);
      return {
        id: row.id,
        steps: row.steps.map((step) => ({ done: step.done, failed: step.failed })),
        yes: last?.yes ?? 0,
        no: last?.no ?? 0,
        needed: last?.needed ?? 0,
        seats: last ? Math.max(last.present, last.needed * 2 - 1) : 0,
        status: track?.status ?? "pending",
      };
    }),
    tracks,
    large: view === "projector",
  };
}
