/**
 * The pragmatic bot in the opening: whether and how to ask for help, carrying another's plea, and
 * the bilateral answer. The host weighs three routes — the alliance, one strong ally, or handling
 * the crisis alone — by its own wishes and the public facts: how far the crisis is beyond it
 * (severity) and whether the alliance answers its members (credibility).
 */
import type { Action } from "../../rules/actions.ts";
import type { SeatView } from "../../rules/view.ts";
import { ART4_FRAMINGS, FRAMINGS, type Framing, type StateId } from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import { aimsOf } from "./appraisal.ts";
import { noise, reason, TEMPERAMENTS, type Ctx } from "./judgement.ts";

/** What going to one ally costs a host that has no wish for it: no collective cover, one patron. */
const BILATERAL_COST = 2;
/** The routes are weighed with this much more noise than a text: it is the one choice made blind. */
const ROUTE_SPREAD = 1.5;

type Route = "alliance" | "bilateral" | "alone";

/**
 * What each route is worth to this host. Troops of any flag help contain the crisis; only the
 * alliance sends CSTO troops, and only one ally a bilateral force. A hard-line host holds the
 * alliance to its own high bar (half its bar for endorsing a text).
 */
function routes(ctx: Ctx): Record<Route, number> {
  const { view, prefs, temperament, me } = ctx;
  const need = view.tracks.severity - 5;
  const trust = view.tracks.credibility - 5;
  const help = 0.5 * Math.max(0, prefs.contain);
  const csto = Math.max(0, prefs.deploy - prefs.contain);
  // What only the alliance can give (a decision, CSTO troops) is worth less to a host the allies
  // already treat as yesterday's man: below a standing of 3 it doubts that they will answer.
  const doubted = Math.max(0, 3 - (view.tracks.standing[me.state] ?? 5));
  const answered = Math.max(0.1, 1 - 0.6 * doubted);
  // Foreign troops cost the host its control of its own fate: a host that prizes it (a hard-liner
  // fully, a pragmatist by half) counts that for handling the crisis alone.
  const pride = aimsOf(ctx).sovereignty * (temperament === TEMPERAMENTS.hardline ? 1 : 0.5);
  return {
    alliance:
      prefs.formal +
      answered * (0.5 * prefs.decision + csto) +
      help +
      need +
      trust -
      0.5 * temperament.endorseAt,
    bilateral: prefs.bilateral + help + need - trust - BILATERAL_COST,
    alone: -need - 0.5 * Math.max(0, prefs.deploy) - 0.5 * Math.max(0, prefs.decision) + pride,
  };
}

function chooseRoute(ctx: Ctx): Route {
  let best: Route = "alliance";
  let bestValue = -Infinity;
  for (const [route, value] of Object.entries(routes(ctx)) as [Route, number][]) {
    const v = value + ROUTE_SPREAD * noise(ctx);
    if (v > bestValue) [best, bestValue] = [route, v];
  }
  return best;
}

/** The strongest case the evidence will bear — a host that wants troops may stretch it a little. */
function formalRequest(ctx: Ctx): Action {
  const { view, prefs } = ctx;
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

export function appeal(ctx: Ctx): Action | null {
  const { view, prefs, me } = ctx;
  if (can(ctx.legal, "informalAppeal")) {
    // Someone has to speak for the host; once one member has, another plea adds only delay.
    const wants = prefs.deploy + prefs.decision + noise(ctx);
    if (wants > 3 && me.capital >= 2 && view.informalAppeals.length === 0)
      return { type: "informalAppeal", framing: "domesticUnrest", reason: reason("informalAppeal") };
    return null;
  }
  if (!can(ctx.legal, "requestAssistance")) return null;
  const route = chooseRoute(ctx);
  const target = route === "bilateral" ? strongest(view) : undefined;
  if (target) {
    return {
      type: "requestAssistance",
      channel: "bilateral",
      target,
      reason: reason("appeal.bilateral", { target }),
    };
  }
  if (route === "alone") {
    return view.informalAppeals.length > 0
      ? { type: "requestAssistance", channel: "informal", reason: reason("appeal.informal") }
      : { type: "requestAssistance", channel: "none", reason: reason("appeal.none") };
  }
  return formalRequest(ctx);
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

/**
 * Asked on its own, a state sends its troops if it wants them there (its own troops abroad, a
 * bilateral mission, leading the force, the crisis contained) and the crisis is grave; it hands the
 * request to the alliance if it wants the alliance to answer; otherwise it declines.
 */
export function bilateral(ctx: Ctx): Action | null {
  const legalAction = legalOf(ctx.legal, "respondBilateral");
  if (!legalAction) return null;
  const { prefs, view } = ctx;
  const max = legalAction.maxTroops ?? 0;
  const need = view.tracks.severity - 5;
  const contain = 0.5 * Math.max(0, prefs.contain);
  const assist = prefs.ownTroops + prefs.bilateral + 0.5 * prefs.lead + contain + 0.5 * need - 1 + noise(ctx);
  const refer = 0.5 * prefs.decision + 0.5 * Math.max(0, prefs.deploy) + noise(ctx);
  const decline = 0.5 * Math.max(0, -prefs.deploy) + (prefs.ownTroops < 0 ? 1 : 0) + noise(ctx);
  if (max > 0 && assist > refer && assist > decline) {
    const troops = Math.max(1, Math.round(max * ctx.temperament.pledgeShare));
    return {
      type: "respondBilateral",
      response: "assist",
      troops,
      reason: reason("bilateral.assist", { troops }),
    };
  }
  if (refer >= decline)
    return {
      type: "respondBilateral",
      response: "referToAlliance",
      reason: reason("bilateral.referToAlliance"),
    };
  return { type: "respondBilateral", response: "decline", reason: reason("bilateral.decline") };
}
