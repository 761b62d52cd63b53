/**
 * Which screen is shown: the one a phase opens on, and how a new snapshot moves the client from the
 * screen it shows. Pure, so the routing is tested without a browser.
 */
import type { Phase } from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";

/** The screens of a seat, in the navigation's order, each named after the phase it renders. */
export const SCREENS = ["lobby", "briefing", "consultations", "map", "approvals", "debrief"] as const;
export type Screen = (typeof SCREENS)[number];
/** Everything the client can show: the menu, a seat's screens, and the projector of a spectator. */
export type View = "menu" | Screen | "projector";

/** The screens a spectator (the projector) can switch between. */
export const SPECTATOR_SCREENS: readonly View[] = ["projector", "map", "approvals", "debrief"];

/** The screen a phase opens on: appeal, bilateral answer, consultations and the vote share the table. */
export function screenForPhase(phase: Phase): Screen {
  switch (phase) {
    case "briefing":
      return "briefing";
    case "approvals":
      return "approvals";
    case "deployment":
      return "map";
    case "debrief":
      return "debrief";
    case "appeal":
    case "bilateral":
    case "consultations":
    case "council":
      return "consultations";
  }
}

export interface Shown {
  /** The view on screen now. */
  view: View;
  /** The phase of the snapshot it shows; null before the first snapshot of a room. */
  phase: Phase | null;
}

/**
 * The view after a snapshot arrives. The first snapshot of a room opens the projector for a spectator,
 * the lobby during the briefing, otherwise the phase's screen; later a new phase opens its screen,
 * except on the projector. Within a phase the player's own choice of screen stays.
 */
export function nextView(previous: Shown, snapshot: Snapshot): View {
  if (previous.phase === null) {
    if (snapshot.seat === null) return "projector";
    return snapshot.phase === "briefing" ? "lobby" : screenForPhase(snapshot.phase);
  }
  if (snapshot.phase !== previous.phase && previous.view !== "projector")
    return screenForPhase(snapshot.phase);
  return previous.view;
}
