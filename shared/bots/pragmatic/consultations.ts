/** The pragmatic bot in consultations: tabling and amending, pledging, positions, calling the vote. */
import type { Action, ProposalTerms } from "../../rules/actions.ts";
import { overclaim } from "../../rules/framing.ts";
import type { LegalAction } from "../../rules/legal.ts";
import { FORMS, TROOP_FORMS, type Basis, type Form, type Task } from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import { judge, noise, reason, utility, type Ctx } from "./judgement.ts";

/** How much better a form must be before a bot that does not object bothers to amend. */
const AMEND_GAIN = 3;

function termsFor(ctx: Ctx, form: Form, legal: LegalAction): ProposalTerms {
  const lawful = (legal.terms ?? []).filter((option) => option.form === form).map((option) => option.basis);
  const preference: Basis[] =
    form === "peacekeeping" ? ["peacekeeping", "art4", "art2"] : ["art4", "art2", "peacekeeping"];
  const basis = preference.find((candidate) => lawful.includes(candidate)) ?? "art2";
  const tasks: Task[] = TROOP_FORMS.includes(form)
    ? ["guardSites"]
    : form === "equipment"
      ? ["humanitarian"]
      : [];
  if (form === "collectiveForce") tasks.push("secureBorders");
  return { basis, form, tasks, timeLimitDays: ctx.prefs.speed > 0 ? 14 : 30 };
}

/** The lawful form this leader likes best, if it is worth proposing. */
function bestForm(ctx: Ctx): Form | undefined {
  const forms = legalOf(ctx.legal, "propose")?.forms ?? [];
  let best: Form | undefined;
  let bestU = -Infinity;
  for (const form of FORMS) {
    if (!forms.includes(form)) continue;
    const u = utility(ctx, form) + noise(ctx) / 2;
    if (u > bestU) [best, bestU] = [form, u];
  }
  return bestU >= ctx.temperament.endorseAt ? best : undefined;
}

export function consult(ctx: Ctx): Action | null {
  const { view, me, legal, memory } = ctx;
  memory.passes += 1;
  const proposal = view.proposal;
  const isChair = me.state === view.scenario.chair;
  const isHost = me.state === view.scenario.host;
  const proposeLegal = legalOf(legal, "propose");
  if (!proposal) {
    if (!proposeLegal || !(isChair || isHost || memory.passes > 2)) return null;
    const form = bestForm(ctx);
    return form
      ? { type: "propose", terms: termsFor(ctx, form, proposeLegal), reason: reason("propose", { form }) }
      : null;
  }
  const signature = `${view.round}:${proposal.form}:${proposal.basis}:${proposal.timeLimitDays}`;
  if (signature !== memory.lastSignature) {
    memory.lastSignature = signature;
    memory.passes = 0;
  }
  const { u, stance } = judge(ctx, proposal);
  // Bargain once a round: amend towards a form worth clearly more than the one on the table.
  if (proposeLegal && memory.amendedInRound !== view.round) {
    memory.amendedInRound = view.round;
    const form = bestForm(ctx);
    if (form && form !== proposal.form && (stance === "object" || utility(ctx, form) >= u + AMEND_GAIN)) {
      return { type: "propose", terms: termsFor(ctx, form, proposeLegal), reason: reason("amend", { form }) };
    }
  }
  const pledge = legalOf(legal, "pledge");
  if (pledge && !isHost) {
    const share =
      ctx.temperament.pledgeShare + (ctx.prefs.lead > 0 ? 0.4 : 0) + (ctx.prefs.ownTroops < 0 ? -1 : 0);
    const wanted =
      stance === "endorse" && share > 0
        ? Math.max(1, Math.round((pledge.maxTroops ?? 0) * Math.min(1, share)))
        : 0;
    const capped = Math.min(wanted, pledge.maxTroops ?? 0);
    if ((proposal.contingents[me.state] ?? 0) !== capped) {
      return {
        type: "pledge",
        troops: capped,
        reason: reason(capped > 0 ? "pledge" : "noPledge", { troops: capped }),
      };
    }
  }
  if (view.positions[me.state] !== stance && can(legal, "position")) {
    const weak = stance === "object" && overclaim(view) >= 3;
    const framing = view.appeal?.framing ?? "";
    return {
      type: "position",
      stance,
      reason: reason(weak ? "stance.weakEvidence" : `stance.${stance}`, { form: proposal.form, framing }),
    };
  }
  const allSpoke = view.scenario.members.every((member) => view.positions[member]);
  if (can(legal, "callVote") && (allSpoke || memory.passes > 3)) {
    const format = ctx.prefs.speed > 0 ? "phone" : "video";
    return { type: "callVote", format, reason: reason("callVote", { format }) };
  }
  if (!isChair && can(legal, "requestSession") && stance === "endorse" && memory.passes > 4) {
    return { type: "requestSession", reason: reason("requestSession") };
  }
  return null;
}
