/** The pragmatic bot in the council vote: it votes as it judged the text in consultations. */
import type { Action } from "../../rules/actions.ts";
import { TROOP_FORMS } from "../../rules/vocabulary.ts";
import { can } from "../common.ts";
import { judge, reason, type Ctx } from "./judgement.ts";

export function vote(c: Ctx): Action | null {
  const { v, me } = c;
  if (!can(c.legal, "vote") || !v.proposal) return null;
  const { stance } = judge(c, v.proposal);
  const choice = stance === "endorse" ? "support" : stance;
  // The host that wanted troops and got words signs nothing: a public signal, not a veto.
  const refuse =
    me.state === v.scenario.host &&
    choice === "support" &&
    !TROOP_FORMS.includes(v.proposal.form) &&
    c.prefs.deploy > 3;
  return {
    type: "vote",
    choice,
    ...(refuse ? { refuseToSign: true } : {}),
    reason: reason(refuse ? "refuseToSign" : `vote.${choice}`, { form: v.proposal.form }),
  };
}
