/** The pragmatic bot in consultations: tabling and amending, pledging, positions, calling the vote. */
import type { Action, ProposalTerms } from "../../rules/actions.ts";
import { overclaim } from "../../rules/framing.ts";
import type { LegalAction } from "../../rules/legal.ts";
import { FORMS, TROOP_FORMS, type Basis, type Form, type Task } from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import { judge, noise, reason, utility, type Ctx } from "./judgement.ts";

/** How much better a form must be before a bot that does not object bothers to amend. */
const AMEND_GAIN = 3;

function termsFor(c: Ctx, form: Form, legal: LegalAction): ProposalTerms {
  const lawful = (legal.terms ?? []).filter((t) => t.form === form).map((t) => t.basis);
  const preference: Basis[] =
    form === "peacekeeping" ? ["peacekeeping", "art4", "art2"] : ["art4", "art2", "peacekeeping"];
  const basis = preference.find((b) => lawful.includes(b)) ?? "art2";
  const tasks: Task[] = TROOP_FORMS.includes(form)
    ? ["guardSites"]
    : form === "equipment"
      ? ["humanitarian"]
      : [];
  if (form === "collectiveForce") tasks.push("secureBorders");
  return { basis, form, tasks, timeLimitDays: c.prefs.speed > 0 ? 14 : 30 };
}

/** The lawful form this leader likes best, if it is worth proposing. */
function bestForm(c: Ctx): Form | undefined {
  const forms = legalOf(c.legal, "propose")?.forms ?? [];
  let best: Form | undefined;
  let bestU = -Infinity;
  for (const f of FORMS) {
    if (!forms.includes(f)) continue;
    const u = utility(c, f) + noise(c) / 2;
    if (u > bestU) [best, bestU] = [f, u];
  }
  return bestU >= c.t.endorseAt ? best : undefined;
}

export function consult(c: Ctx): Action | null {
  const { v, me, legal, memory } = c;
  memory.passes += 1;
  const p = v.proposal;
  const isChair = me.state === v.scenario.chair;
  const isHost = me.state === v.scenario.host;
  const proposeLegal = legalOf(legal, "propose");
  if (!p) {
    if (!proposeLegal || !(isChair || isHost || memory.passes > 2)) return null;
    const form = bestForm(c);
    return form
      ? { type: "propose", terms: termsFor(c, form, proposeLegal), reason: reason("propose", { form }) }
      : null;
  }
  const signature = `${v.round}:${p.form}:${p.basis}:${p.timeLimitDays}`;
  if (signature !== memory.lastSignature) {
    memory.lastSignature = signature;
    memory.passes = 0;
  }
  const { u, stance } = judge(c, p);
  // Bargain once a round: amend towards a form worth clearly more than the one on the table.
  if (proposeLegal && memory.amendedInRound !== v.round) {
    memory.amendedInRound = v.round;
    const form = bestForm(c);
    if (form && form !== p.form && (stance === "object" || utility(c, form) >= u + AMEND_GAIN)) {
      return { type: "propose", terms: termsFor(c, form, proposeLegal), reason: reason("amend", { form }) };
    }
  }
  const pledge = legalOf(legal, "pledge");
  if (pledge && !isHost) {
    const share = c.t.pledgeShare + (c.prefs.lead > 0 ? 0.4 : 0) + (c.prefs.ownTroops < 0 ? -1 : 0);
    const wanted =
      stance === "endorse" && share > 0
        ? Math.max(1, Math.round((pledge.maxTroops ?? 0) * Math.min(1, share)))
        : 0;
    const capped = Math.min(wanted, pledge.maxTroops ?? 0);
    if ((p.contingents[me.state] ?? 0) !== capped) {
      return {
        type: "pledge",
        troops: capped,
        reason: reason(capped > 0 ? "pledge" : "noPledge", { troops: capped }),
      };
    }
  }
  if (v.positions[me.state] !== stance && can(legal, "position")) {
    const weak = stance === "object" && overclaim(v) >= 3;
    const framing = v.appeal?.framing ?? "";
    return {
      type: "position",
      stance,
      reason: reason(weak ? "stance.weakEvidence" : `stance.${stance}`, { form: p.form, framing }),
    };
  }
  const allSpoke = v.scenario.members.every((m) => v.positions[m]);
  if (can(legal, "callVote") && (allSpoke || memory.passes > 3)) {
    const format = c.prefs.speed > 0 ? "phone" : "video";
    return { type: "callVote", format, reason: reason("callVote", { format }) };
  }
  if (!isChair && can(legal, "requestSession") && stance === "endorse" && memory.passes > 4) {
    return { type: "requestSession", reason: reason("requestSession") };
  }
  return null;
}
