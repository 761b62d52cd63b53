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

export function vote(ctx: Ctx): Action | null {
  const { view, me } = ctx;
  const proposal = view.proposal;
  if (!can(ctx.legal, "vote") || !proposal) return null;
  const { stance, points, pledgeOf, why } = judge(ctx, proposal);
  const choice = stanceToVote(stance);
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
