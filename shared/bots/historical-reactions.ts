/**
 * How a historical bot answers a deviation from history that its playbook does not cover: what the
 * real actor would plausibly have done had the others acted otherwise. With historical bots in
 * every seat no reaction fires, so all-historical games still end as history did.
 */
import type { Action } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import { FRAMINGS, type Framing } from "../rules/vocabulary.ts";
import { can } from "./common.ts";

/**
 * A host whose real request kept the alliance out (it asked one ally, or nobody) asks the alliance
 * formally once other members have publicly carried its plea to it: the help it looked for
 * elsewhere is now on offer at the table. It asks under Article 2, which takes any framing, with
 * the framing the evidence supports best.
 */
function askTheAlliance(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const real = me.playbook.appeal?.channel ?? "none";
  if (real !== "bilateral" && real !== "none") return null;
  const carriers = view.informalAppeals.filter((id) => id !== me.state);
  if (carriers.length === 0 || !can(legal, "requestAssistance")) return null;
  const evidence = view.scenario.evidence;
  const framing: Framing = [...FRAMINGS].sort((a, b) => evidence[b] - evidence[a])[0] ?? "domesticUnrest";
  return {
    type: "requestAssistance",
    channel: "formal",
    article: "art2",
    framing,
    reason: { key: "reason.historical.react.askAlliance", params: { states: carriers.join(", ") } },
  };
}

/** The reaction to a deviation in this phase, or null when history's own move still fits. */
export function historicalReaction(
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
): Action | null {
  if (view.phase === "appeal" && me.state === view.scenario.host) return askTheAlliance(view, me, legal);
  return null;
}
