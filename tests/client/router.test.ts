/** The router: which view a snapshot opens, and when a new phase moves the player on. */
import { describe, expect, it } from "vitest";
import { nextView, screenForPhase, SCREENS } from "../../client/view/router.ts";
import type { Snapshot } from "../../client/view/snapshot.ts";
import type { Phase } from "../../shared/rules/index.ts";

/** Only the phase and the seat decide the route. */
const snapshot = (phase: Phase, seat: string | null = "RU") => ({ phase, seat }) as Snapshot;

describe("nextView", () => {
  it("the first snapshot opens the lobby in the briefing, the phase's screen later, the projector for a spectator", () => {
    expect(nextView({ view: "menu", phase: null }, snapshot("briefing"))).toBe("lobby");
    expect(nextView({ view: "menu", phase: null }, snapshot("council"))).toBe("consultations");
    expect(nextView({ view: "menu", phase: null }, snapshot("deployment"))).toBe("map");
    expect(nextView({ view: "menu", phase: null }, snapshot("consultations", null))).toBe("projector");
  });

  it("a new phase opens its screen; within a phase the player's choice stays", () => {
    expect(nextView({ view: "briefing", phase: "briefing" }, snapshot("appeal"))).toBe("consultations");
    expect(nextView({ view: "map", phase: "consultations" }, snapshot("consultations"))).toBe("map");
    expect(nextView({ view: "consultations", phase: "council" }, snapshot("approvals"))).toBe("approvals");
    expect(nextView({ view: "approvals", phase: "approvals" }, snapshot("deployment"))).toBe("map");
  });

  it("the projector stays the projector", () => {
    expect(nextView({ view: "projector", phase: "council" }, snapshot("approvals", null))).toBe("projector");
  });

  it("every phase opens one of the seat's screens", () => {
    const phases: Phase[] = [
      "briefing",
      "appeal",
      "bilateral",
      "consultations",
      "council",
      "approvals",
      "deployment",
      "debrief",
    ];
    for (const phase of phases) expect(SCREENS).toContain(screenForPhase(phase));
  });
});
