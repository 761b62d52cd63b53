/** The pragmatic host's daily choice in the deployment, and the others' pressure to leave. */
import type { Action } from "../../rules/actions.ts";
import { can } from "../common.ts";
import { approvals } from "./approvals.ts";
import { noise, reason, type Ctx } from "./judgement.ts";

export function deployment(c: Ctx): Action | null {
  const pending = approvals(c);
  if (pending) return pending;
  const { v, me, legal, prefs } = c;
  const limit = v.decision?.terms.timeLimitDays ?? 14;
  if (can(legal, "missionDay")) {
    const done =
      v.tracks.severity <= 2 + noise(c) / 2 ||
      v.missionDays >= limit ||
      v.tracks.sovereignty <= 3 ||
      v.pressedToLeave.length >= 2;
    return {
      type: "missionDay",
      decision: done ? "end" : "stay",
      reason: reason(done ? "missionEnd" : "missionStay", { day: v.missionDays }),
    };
  }
  if (can(legal, "withdrawContingent") && prefs.ownTroops < 0 && v.missionDays >= 3) {
    return { type: "withdrawContingent", reason: reason("withdrawContingent") };
  }
  if (
    can(legal, "pressToLeave") &&
    v.missionDays > limit &&
    v.contingents.some((x) => x.state === me.state && !x.withdrawn)
  ) {
    return { type: "pressToLeave", reason: reason("pressToLeave") };
  }
  return null;
}
