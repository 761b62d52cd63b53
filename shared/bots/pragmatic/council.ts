/**
 * The pragmatic bot in the council vote: it votes as it judged the text in consultations, and an
 * objection or a stand-aside names the same concerns, so a blocked round carries them back.
 */
import type { Action } from "../../rules/actions.ts";
import { TROOP_FORMS } from "../../rules/vocabulary.ts";
import { can, stanceToVote } from "../common.ts";
import { judge } from "./diagnosis.ts";
import { said, supportWhy } from "./explain.ts";
import { reason, type Ctx } from "./judgement.ts";

/** Every other member backs the text or lets it pass, and the host wants it: an objection would block alone. */
function alone(ctx: Ctx): boolean {
  const { view, me } = ctx;
  const host = view.scenario.host;
  const hostWants =
    view.votes[host] === "support" || (!view.votes[host] && view.positions[host] === "endorse");
  return (
    me.state !== host &&
    hostWants &&
    view.scenario.members.every(
      (id) => id === me.state || (view.votes[id] ?? view.positions[id]) !== "object",
    )
  );
}

/** This reluctant member's pledge is the only one on the text. */
function alonePledger(ctx: Ctx): boolean {
  const { view, me, prefs } = ctx;
  const contingents = view.proposal?.contingents ?? {};
  if (prefs.ownTroops >= 0 || (contingents[me.state] ?? 0) <= 0) return false;
  return Object.entries(contingents).every(([id, troops]) => id === me.state || troops <= 0);
}

export function vote(ctx: Ctx): Action | null {
  const { view, me, temperament } = ctx;
  const proposal = view.proposal;
  if (!can(ctx.legal, "vote") || !proposal) return null;
  const { stance, points, pledgeOf, why, u } = judge(ctx, proposal);
  if (stance === "object" && u > temperament.objectAt - temperament.alone && alone(ctx)) {
    // It will not be the one veto against all the others: it takes no part and does not sign.
    return {
      type: "vote",
      choice: "standAside",
      refuseToSign: true,
      ...(points.length > 0 ? { concerns: [...points] } : {}),
      ...(pledgeOf ? { pledgeOf } : {}),
      reason: reason("vote.alone", { form: proposal.form }),
    };
  }
  const choice = stanceToVote(stance);
  if (choice === "support" && alonePledger(ctx)) {
    // A member whose brief keeps its troops at home backs the force but will not send the only ones.
    return { type: "vote", choice: "standAside", reason: reason("vote.onlyPledge", { form: proposal.form }) };
  }
  if (choice !== "support") {
    return {
      type: "vote",
      choice,
      ...(points.length > 0 ? { concerns: [...points] } : {}),
      ...(pledgeOf ? { pledgeOf } : {}),
      reason: said(why ?? { key: "concern.notOurs", params: { form: proposal.form } }),
    };
  }
  // The host that wanted troops and got words signs nothing: a public signal, not a veto.
  const refuse =
    me.state === view.scenario.host && !TROOP_FORMS.includes(proposal.form) && ctx.prefs.deploy > 3;
  return {
    type: "vote",
    choice,
    ...(refuse ? { refuseToSign: true } : {}),
    // Why it supports, from its own aims and the crisis (as when it endorsed), not "we support it".
    reason: refuse
      ? reason("refuseToSign", { form: proposal.form })
      : said(supportWhy(ctx, proposal, "endorse")),
  };
}
