/** The pragmatic bot in the opening: whether and how to ask for help, and the bilateral answer. */
import type { Action } from "../../rules/actions.ts";
import type { SeatView } from "../../rules/view.ts";
import { ART4_FRAMINGS, FRAMINGS, type Framing, type StateId } from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import { noise, reason, type Ctx } from "./judgement.ts";

export function appeal(c: Ctx): Action | null {
  const { v, prefs, me } = c;
  if (can(c.legal, "informalAppeal")) {
    const wants = prefs.deploy + prefs.decision + noise(c);
    if (wants > 3 && me.capital >= 2)
      return { type: "informalAppeal", framing: "domesticUnrest", reason: reason("informalAppeal") };
    return null;
  }
  if (!can(c.legal, "requestAssistance")) return null;
  const wantHelp = prefs.deploy + prefs.formal + 0.5 * prefs.decision + (v.tracks.severity - 5) + noise(c);
  // A bilateral route against what the alliance route is worth to this host.
  const allianceRoute = prefs.formal + 0.5 * prefs.decision + 0.5 * prefs.deploy;
  if (prefs.bilateral > 0 && prefs.bilateral + noise(c) > allianceRoute) {
    const target = strongest(v);
    if (target)
      return {
        type: "requestAssistance",
        channel: "bilateral",
        target,
        reason: reason("appeal.bilateral", { target }),
      };
  }
  if (wantHelp <= 0) {
    return v.informalAppeals.length > 0
      ? { type: "requestAssistance", channel: "informal", reason: reason("appeal.informal") }
      : { type: "requestAssistance", channel: "none", reason: reason("appeal.none") };
  }
  // The strongest case the evidence will bear — a pragmatic host may stretch it a little.
  const ev = v.scenario.evidence;
  const art4: Framing = [...ART4_FRAMINGS].sort((a, b) => ev[b] - ev[a])[0] ?? "externalAggression";
  const stretch = prefs.deploy > 0 ? 2 + noise(c) : 0;
  if (ev[art4] + stretch >= 5) {
    return {
      type: "requestAssistance",
      channel: "formal",
      article: "art4",
      framing: art4,
      reason: reason("appeal.formal", { article: "art4", framing: art4, evidence: ev[art4] }),
    };
  }
  const best: Framing = [...FRAMINGS].sort((a, b) => ev[b] - ev[a])[0] ?? "borderIncident";
  return {
    type: "requestAssistance",
    channel: "formal",
    article: "art2",
    framing: best,
    reason: reason("appeal.formal", { article: "art2", framing: best, evidence: ev[best] }),
  };
}

function strongest(v: SeatView): StateId | undefined {
  let best: StateId | undefined;
  for (const m of v.scenario.members) {
    if (m === v.scenario.host) continue;
    if (!best || (v.scenario.forces[m]?.available ?? 0) > (v.scenario.forces[best]?.available ?? 0)) best = m;
  }
  return best;
}

export function bilateral(c: Ctx): Action | null {
  const l = legalOf(c.legal, "respondBilateral");
  if (!l) return null;
  const { prefs } = c;
  if (prefs.ownTroops + prefs.bilateral + noise(c) > 1) {
    const troops = Math.max(1, Math.round((l.maxTroops ?? 0) * c.t.pledgeShare));
    if ((l.maxTroops ?? 0) > 0)
      return {
        type: "respondBilateral",
        response: "assist",
        troops,
        reason: reason("bilateral.assist", { troops }),
      };
  }
  if (prefs.decision + noise(c) >= 0)
    return {
      type: "respondBilateral",
      response: "referToAlliance",
      reason: reason("bilateral.referToAlliance"),
    };
  return { type: "respondBilateral", response: "decline", reason: reason("bilateral.decline") };
}
