/** The pragmatic bot in the opening: whether and how to ask for help, and the bilateral answer. */
import type { Action } from "../../rules/actions.ts";
import type { SeatView } from "../../rules/view.ts";
import { ART4_FRAMINGS, FRAMINGS, type Framing, type StateId } from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import { noise, reason, type Ctx } from "./judgement.ts";

export function appeal(ctx: Ctx): Action | null {
  const { view, prefs, me } = ctx;
  if (can(ctx.legal, "informalAppeal")) {
    const wants = prefs.deploy + prefs.decision + noise(ctx);
    if (wants > 3 && me.capital >= 2)
      return { type: "informalAppeal", framing: "domesticUnrest", reason: reason("informalAppeal") };
    return null;
  }
  if (!can(ctx.legal, "requestAssistance")) return null;
  const wantHelp =
    prefs.deploy + prefs.formal + 0.5 * prefs.decision + (view.tracks.severity - 5) + noise(ctx);
  // A bilateral route against what the alliance route is worth to this host.
  const allianceRoute = prefs.formal + 0.5 * prefs.decision + 0.5 * prefs.deploy;
  if (prefs.bilateral > 0 && prefs.bilateral + noise(ctx) > allianceRoute) {
    const target = strongest(view);
    if (target)
      return {
        type: "requestAssistance",
        channel: "bilateral",
        target,
        reason: reason("appeal.bilateral", { target }),
      };
  }
  if (wantHelp <= 0) {
    return view.informalAppeals.length > 0
      ? { type: "requestAssistance", channel: "informal", reason: reason("appeal.informal") }
      : { type: "requestAssistance", channel: "none", reason: reason("appeal.none") };
  }
  // The strongest case the evidence will bear — a pragmatic host may stretch it a little.
  const evidence = view.scenario.evidence;
  const art4: Framing =
    [...ART4_FRAMINGS].sort((a, b) => evidence[b] - evidence[a])[0] ?? "externalAggression";
  const stretch = prefs.deploy > 0 ? 2 + noise(ctx) : 0;
  if (evidence[art4] + stretch >= 5) {
    return {
      type: "requestAssistance",
      channel: "formal",
      article: "art4",
      framing: art4,
      reason: reason("appeal.formal", { article: "art4", framing: art4, evidence: evidence[art4] }),
    };
  }
  const best: Framing = [...FRAMINGS].sort((a, b) => evidence[b] - evidence[a])[0] ?? "borderIncident";
  return {
    type: "requestAssistance",
    channel: "formal",
    article: "art2",
    framing: best,
    reason: reason("appeal.formal", { article: "art2", framing: best, evidence: evidence[best] }),
  };
}

function strongest(view: SeatView): StateId | undefined {
  let best: StateId | undefined;
  for (const member of view.scenario.members) {
    if (member === view.scenario.host) continue;
    if (
      !best ||
      (view.scenario.forces[member]?.available ?? 0) > (view.scenario.forces[best]?.available ?? 0)
    )
      best = member;
  }
  return best;
}

export function bilateral(ctx: Ctx): Action | null {
  const legalAction = legalOf(ctx.legal, "respondBilateral");
  if (!legalAction) return null;
  const { prefs } = ctx;
  if (prefs.ownTroops + prefs.bilateral + noise(ctx) > 1) {
    const troops = Math.max(1, Math.round((legalAction.maxTroops ?? 0) * ctx.temperament.pledgeShare));
    if ((legalAction.maxTroops ?? 0) > 0)
      return {
        type: "respondBilateral",
        response: "assist",
        troops,
        reason: reason("bilateral.assist", { troops }),
      };
  }
  if (prefs.decision + noise(ctx) >= 0)
    return {
      type: "respondBilateral",
      response: "referToAlliance",
      reason: reason("bilateral.referToAlliance"),
    };
  return { type: "respondBilateral", response: "decline", reason: reason("bilateral.decline") };
}
