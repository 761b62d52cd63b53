/** The pragmatic host's daily choice in the deployment, and the others' pressure to leave. */
import type { Action } from "../../rules/actions.ts";
import { can } from "../common.ts";
import { approvals } from "./approvals.ts";
import { noise, reason, type Ctx } from "./judgement.ts";

export function deployment(ctx: Ctx): Action | null {
  const pending = approvals(ctx);
  if (pending) return pending;
  const { view, me, legal, prefs } = ctx;
  const limit = view.decision?.terms.timeLimitDays ?? 14;
  if (can(legal, "missionDay")) {
    const done =
      view.tracks.severity <= 2 + noise(ctx) / 2 ||
      view.missionDays >= limit ||
      view.tracks.sovereignty <= 3 ||
      view.pressedToLeave.length >= 2;
    return {
      type: "missionDay",
      decision: done ? "end" : "stay",
      reason: reason(done ? "missionEnd" : "missionStay", { day: view.missionDays + 1 }),
    };
  }
  if (can(legal, "withdrawContingent") && prefs.ownTroops < 0 && view.missionDays >= 3) {
    return { type: "withdrawContingent", reason: reason("withdrawContingent") };
  }
  if (
    can(legal, "pressToLeave") &&
    view.missionDays > limit &&
    view.contingents.some((other) => other.state === me.state && !other.withdrawn)
  ) {
    return { type: "pressToLeave", reason: reason("pressToLeave") };
  }
  return null;
}
