/** The pragmatic bot in the council vote: it votes as it judged the text in consultations. */
import type { Action } from "../../rules/actions.ts";
import { TROOP_FORMS } from "../../rules/vocabulary.ts";
import { can } from "../common.ts";
import { judge, reason, type Ctx } from "./judgement.ts";

export function vote(ctx: Ctx): Action | null {
  const { view, me } = ctx;
  if (!can(ctx.legal, "vote") || !view.proposal) return null;
  const { stance } = judge(ctx, view.proposal);
  const choice = stance === "endorse" ? "support" : stance;
  // The host that wanted troops and got words signs nothing: a public signal, not a veto.
  const refuse =
    me.state === view.scenario.host &&
    choice === "support" &&
    !TROOP_FORMS.includes(view.proposal.form) &&
    ctx.prefs.deploy > 3;
  return {
    type: "vote",
    choice,
    ...(refuse ? { refuseToSign: true } : {}),
    reason: reason(refuse ? "refuseToSign" : `vote.${choice}`, { form: view.proposal.form }),
  };
}
