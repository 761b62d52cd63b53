/**
 * How a historical bot answers a deviation from history that its playbook does not cover: what the
 * real actor would plausibly have done had the others acted otherwise. With historical bots in
 * every seat no reaction fires, so all-historical games still end as history did.
 */
import type { Action } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import { FRAMINGS, TROOP_FORMS, type Framing } from "../rules/vocabulary.ts";
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

/** A crisis a day or less from being lost: history never came this far. */
export const BRINK = 9;

/** Its brief sets it firmly against the alliance's troops there: no brink moves it. */
function firmlyAgainst(me: LeaderPrivate): boolean {
  return me.objectives.some(
    ({ condition, weight }) => condition.type === "deployed" && !condition.value && weight >= 7,
  );
}

/**
 * At the brink, with the host asking for a force, a member that in history objected to anything of
 * the kind, and is not asked for its own troops, lets the others decide: it stands aside in the vote
 * and does not sign. Its objection was made in a crisis that never came this close to being lost
 * (no all-historical game reaches the brink, so history still ends as it did). A brief firmly
 * against the alliance's troops (Uzbekistan's in 2010) still objects.
 */
function letOthersDecide(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const proposal = view.proposal;
  if (!proposal || !TROOP_FORMS.includes(proposal.form) || !can(legal, "vote")) return null;
  if (view.tracks.severity < BRINK || me.state === view.scenario.host) return null;
  if (me.playbook.accepts.includes(proposal.form) || me.playbook.onOther !== "object") return null;
  if ((proposal.contingents[me.state] ?? 0) > 0 || firmlyAgainst(me)) return null;
  const host = view.scenario.host;
  if (view.votes[host] === "object" || (!view.votes[host] && view.positions[host] !== "endorse")) return null;
  return {
    type: "vote",
    choice: "standAside",
    refuseToSign: true,
    reason: { key: "reason.historical.react.brink", params: { severity: Math.round(view.tracks.severity) } },
  };
}

/** The reaction to a deviation in this phase, or null when history's own move still fits. */
export function historicalReaction(
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
): Action | null {
  if (view.phase === "appeal" && me.state === view.scenario.host) return askTheAlliance(view, me, legal);
  if (view.phase === "council") return letOthersDecide(view, me, legal);
  return null;
}
