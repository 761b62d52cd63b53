/**
 * Airlift: most small contingents fly on another member's aircraft (in 2022 Russian military
 * transport flew every contingent but Kyrgyzstan's into Kazakhstan), and the lead nation provides
 * the airlift only for a force it is part of. A contingent whose scenario names an `airliftBy`
 * leaves with that member's own contingent, and stays home when that member sends none.
 */
import { log } from "../mechanics.ts";
import type { ApprovalTrack, GameState } from "../state.ts";
import type { StateId } from "../vocabulary.ts";

/** The member whose aircraft carry this state's contingent to an alliance force, if any. */
export function airlifterOf(state: GameState, id: StateId): StateId | undefined {
  if (state.bilateralResponse?.response === "assist") return undefined;
  const by = state.scenario.forces[id]?.airliftBy;
  return by && by !== id ? by : undefined;
}

/** The earliest hour this contingent's transport can leave: its airlifter's aircraft's, 0 with its own, null while they wait. */
export function airliftDeparture(state: GameState, id: StateId): number | null {
  const by = airlifterOf(state, id);
  if (!by) return 0;
  const lift = state.contingents.find((contingent) => contingent.state === by);
  if (!lift) return null;
  return lift.arrivesAtHour - (state.scenario.forces[by]?.transportHours ?? 24);
}

/**
 * Contingents that can no longer fly: their airlifter has no pledge in this force, or withdrew it,
 * or its procedure refused it for good. Each is withdrawn (and logged) before it has left.
 */
export function groundWithoutAirlift(state: GameState): ApprovalTrack[] {
  const grounded: ApprovalTrack[] = [];
  for (const track of Object.values(state.approvals)) {
    const by = airlifterOf(state, track.state);
    if (!by || track.status === "withdrawn") continue;
    if (state.contingents.some((contingent) => contingent.state === track.state)) continue;
    const lift = state.approvals[by];
    if (lift && lift.status !== "withdrawn") continue;
    track.status = "withdrawn";
    log(state, track.state, "log.noAirlift", { by });
    grounded.push(track);
  }
  return grounded;
}
