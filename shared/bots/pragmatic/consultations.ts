/**
 * The pragmatic bot in consultations: tabling a text, meeting or answering concerns about its own
 * (negotiation.ts), counter-proposals, pledges, positions with concerns, and calling the vote once
 * every concern has been met or answered.
 */
import type { Action, ProposalTerms } from "../../rules/actions.ts";
import type { LegalAction } from "../../rules/legal.ts";
import { FORMAT_HOURS } from "../../rules/phases/entry.ts";
import {
  FORMS,
  TROOP_FORMS,
  type Basis,
  type Concern,
  type Form,
  type StateId,
  type Task,
} from "../../rules/vocabulary.ts";
import { can, legalOf } from "../common.ts";
import {
  aimsOf,
  appraise,
  meetParts,
  partsOf,
  pledgeShareOf,
  shortestDays,
  termsKey,
  wouldPledge,
  type Text,
} from "./appraisal.ts";
import { endorses, judge } from "./diagnosis.ts";
import { counterWhy, said, supportWhy } from "./explain.ts";
import {
  markTabled,
  mayTable,
  noise,
  reason,
  TEMPERAMENTS,
  worseningSeen,
  type Ctx,
  type Diagnosis,
  type Why,
} from "./judgement.ts";
import { cutPledge, fitTerms, negotiate } from "./negotiation.ts";

/** Whether the crisis, worsening as the bot has watched it worsen, would reach 10 while a summit convenes. */
const summitLoses = (ctx: Ctx): boolean =>
  ctx.view.tracks.severity + worseningSeen(ctx) * FORMAT_HOURS.summit >= 10;

/** How much better a form must be before a bot that endorses the text bothers to amend it. */
const AMEND_GAIN = 3;

type Proposal = NonNullable<Ctx["view"]["proposal"]>;

const termsOf = (text: ProposalTerms): ProposalTerms => ({
  basis: text.basis,
  form: text.form,
  tasks: [...text.tasks],
  timeLimitDays: text.timeLimitDays,
});

function termsFor(ctx: Ctx, form: Form, legal: LegalAction): ProposalTerms {
  const lawful = (legal.terms ?? []).filter((option) => option.form === form).map((option) => option.basis);
  const preference: Basis[] =
    form === "peacekeeping" ? ["peacekeeping", "art4", "art2"] : ["art4", "art2", "peacekeeping"];
  const basis = preference.find((candidate) => lawful.includes(candidate)) ?? "art2";
  const troops = TROOP_FORMS.includes(form);
  const tasks: Task[] = troops ? ["guardSites"] : form === "equipment" ? ["humanitarian"] : [];
  if (form === "collectiveForce") tasks.push("secureBorders");
  const usual = ctx.prefs.speed > 0 ? 14 : 30;
  const days = troops ? Math.max(shortestDays(ctx), aimsOf(ctx).missionDays ?? usual) : usual;
  return { basis, form, tasks, timeLimitDays: days };
}

const withPledges = (ctx: Ctx, terms: ProposalTerms): Text => ({
  ...terms,
  contingents: ctx.view.proposal?.contingents ?? {},
});

/** The lawful form this leader likes best, if it is worth proposing. */
function bestForm(ctx: Ctx, legal: LegalAction): Form | undefined {
  const forms = legal.forms ?? [];
  let best: Form | undefined;
  let bestU = -Infinity;
  for (const form of FORMS) {
    if (!forms.includes(form)) continue;
    const u = appraise(ctx, withPledges(ctx, termsFor(ctx, form, legal))) + noise(ctx) / 2;
    if (u > bestU) [best, bestU] = [form, u];
  }
  return bestU >= ctx.temperament.endorseAt ? best : undefined;
}

/** The text this bot wants in another form: the parts of the current one that still fit, as it would fix them. */
function wantedTerms(ctx: Ctx, proposal: Proposal, form: Form): ProposalTerms {
  const fitted = withPledges(ctx, fitTerms(ctx, proposal, form));
  return termsOf(meetParts(ctx, fitted, partsOf(ctx, fitted)));
}

/**
 * A force needs contingents: the bot counts on one only if it would pledge or someone has pledged,
 * or, for a host that wants troops, when the crisis is grave: it asks for them and lets the others
 * say whether they will send them.
 */
const forceViable = (ctx: Ctx): boolean =>
  wouldPledge(ctx) ||
  ctx.memory.pledgers.size > 0 ||
  (ctx.me.state === ctx.view.scenario.host && ctx.prefs.deploy > 0 && ctx.view.tracks.severity >= 7);

/**
 * The first form on the way from the text's to the bot's best that it would endorse (at most its
 * best), leaving out a force nobody would send troops to; undefined when there is none.
 */
function towards(ctx: Ctx, proposal: Proposal, best: Form, legal: LegalAction): ProposalTerms | undefined {
  const from = FORMS.indexOf(proposal.form);
  const to = FORMS.indexOf(best);
  const path = from < to ? FORMS.slice(from + 1, to + 1) : FORMS.slice(to, from).reverse();
  const options = path.filter(
    (form) => (legal.forms ?? []).includes(form) && (!TROOP_FORMS.includes(form) || forceViable(ctx)),
  );
  const terms = options.map((form) => wantedTerms(ctx, proposal, form));
  return (
    terms.find((option) => endorses(ctx, option, appraise(ctx, withPledges(ctx, option)))) ??
    terms.find((option) => option.form === best)
  );
}

/** Another member's concerns about the text wait for an answer: the table waits for whoever tabled it. */
const othersWaiting = (ctx: Ctx): boolean =>
  ctx.view.scenario.members.some(
    (member) => member !== ctx.me.state && ctx.view.concerns[member]?.answered === false,
  );

/**
 * A counter-proposal: a bot that would not endorse tables a text towards the one it wants — the
 * nearest form it would endorse when the form is the trouble, or its own asks once the proposer
 * answered without meeting them. It tables no text twice, and none while another member's
 * concerns about this one wait for an answer: a new text would sweep them away unanswered.
 */
function counter(ctx: Ctx, proposal: Proposal, diagnosis: Diagnosis): Action | null {
  const { view, me, legal, memory } = ctx;
  const proposeLegal = legalOf(legal, "propose");
  if (!proposeLegal || memory.amendedInRound === view.round || othersWaiting(ctx)) return null;
  let terms: ProposalTerms;
  let why: Why;
  if (diagnosis.bargain) {
    if (!view.concerns[me.state]?.answered) return null;
    terms = termsOf(meetParts(ctx, proposal, diagnosis.asks));
    why = { key: "counter.asked", params: { changes: diagnosis.points.join(", ") } };
  } else {
    const considered = `consider|${view.round}|${termsKey(proposal)}`;
    if (memory.handled.has(considered)) return null;
    memory.handled.add(considered);
    const best = bestForm(ctx, proposeLegal);
    if (!best || best === proposal.form) return null;
    const toward = towards(ctx, proposal, best, proposeLegal);
    if (!toward) return null;
    terms = toward;
    const gain = appraise(ctx, withPledges(ctx, terms)) - diagnosis.u;
    if (diagnosis.stance === "endorse" && gain < AMEND_GAIN) return null;
    why = counterWhy(ctx, proposal.form, terms.form);
  }
  const key = termsKey(terms);
  if (!mayTable(ctx, key)) return null;
  memory.amendedInRound = view.round;
  markTabled(ctx, key);
  return { type: "propose", terms, reason: said(why) };
}

/**
 * A force nobody will man cannot be put to the vote: once every member has spoken, the chair puts
 * back the last text the table could vote on, rather than let the request lapse.
 */
function putBack(ctx: Ctx): Action | null {
  const terms = ctx.memory.lastVotable;
  if (!terms || !can(ctx.legal, "propose")) return null;
  const key = termsKey(terms);
  if (!mayTable(ctx, key)) return null;
  markTabled(ctx, key);
  return { type: "propose", terms: termsOf(terms), reason: reason("propose.putBack", { form: terms.form }) };
}

function pledge(ctx: Ctx, proposal: Proposal, diagnosis: Diagnosis): Action | null {
  const { view, me, legal, memory, prefs } = ctx;
  const legalPledge = legalOf(legal, "pledge");
  if (!legalPledge || me.state === view.scenario.host) return null;
  const share = pledgeShareOf(ctx);
  const max = legalPledge.maxTroops ?? 0;
  const wanted =
    diagnosis.stance === "endorse" && share > 0 ? Math.max(1, Math.round(max * Math.min(1, share))) : 0;
  const troops = Math.min(wanted, max, memory.pledgeCap ?? max);
  if ((proposal.contingents[me.state] ?? 0) === troops) return null;
  const key = troops > 0 ? "pledge" : prefs.ownTroops < 0 ? "noPledge.ownTroops" : "noPledge";
  return { type: "pledge", troops, reason: reason(key, { troops }) };
}

/** What changed, of what the bot asked for, between the text it asked about and this one. */
function granted(asked: Concern[], before: ProposalTerms, after: Proposal): Concern[] {
  return asked.filter((point) => {
    if (point === "timeLimit") return before.timeLimitDays !== after.timeLimitDays;
    if (point === "tasks") return before.tasks.join() !== after.tasks.join();
    if (point === "basis" || point === "framing") return before.basis !== after.basis;
    if (point === "form") return before.form !== after.form;
    return termsKey(before) === termsKey(after);
  });
}

function position(ctx: Ctx, proposal: Proposal, diagnosis: Diagnosis): Action | null {
  const { view, me, legal, memory } = ctx;
  if (!can(legal, "position")) return null;
  const { stance, points, pledgeOf } = diagnosis;
  const stated = view.concerns[me.state];
  const same = (stated?.points.join() ?? "") === points.join() && stated?.pledgeOf === pledgeOf;
  if (view.positions[me.state] === stance && same) return null;
  if (stance === "endorse") {
    const met = memory.asked ? granted(memory.asked.points, memory.asked.of, proposal) : [];
    memory.asked = null;
    const why: Why =
      met.length > 0
        ? { key: "endorse.met", params: { changes: met.join(", ") } }
        : supportWhy(ctx, proposal, "endorse");
    return { type: "position", stance, reason: said(why) };
  }
  if (diagnosis.bargain) memory.asked = { points: [...points], of: termsOf(proposal) };
  return {
    type: "position",
    stance,
    ...(points.length > 0 ? { concerns: [...points] } : {}),
    ...(pledgeOf ? { pledgeOf } : {}),
    reason: said(diagnosis.why ?? { key: "concern.notOurs", params: { form: proposal.form } }),
  };
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
    const form = bestForm(ctx, proposeLegal);
    if (!form) return null;
    const terms = termsFor(ctx, form, proposeLegal);
    markTabled(ctx, termsKey(terms));
    return { type: "propose", terms, reason: said(supportWhy(ctx, withPledges(ctx, terms), "propose")) };
  }
  for (const id of Object.keys(proposal.contingents) as StateId[]) memory.pledgers.add(id);
  const unmanned = TROOP_FORMS.includes(proposal.form) && Object.keys(proposal.contingents).length === 0;
  if (!unmanned) memory.lastVotable = termsOf(proposal);
  const signature = `${view.round}:${termsKey(proposal)}`;
  if (signature !== memory.lastSignature) {
    memory.lastSignature = signature;
    memory.passes = 0;
  }
  const negotiated = cutPledge(ctx) ?? negotiate(ctx);
  if (negotiated) return negotiated;
  const diagnosis = judge(ctx, proposal);
  const next =
    counter(ctx, proposal, diagnosis) ??
    pledge(ctx, proposal, diagnosis) ??
    position(ctx, proposal, diagnosis);
  if (next) return next;
  const members = view.scenario.members;
  const others = members.filter((member) => member !== me.state);
  const waiting = othersWaiting(ctx);
  const allSpoke = members.every((member) => view.positions[member]);
  if (isChair && unmanned && allSpoke && !waiting) {
    const fallback = putBack(ctx);
    if (fallback) return fallback;
  }
  const over = ctx.context.deliberationOver === true;
  if (can(legal, "callVote") && !waiting && (allSpoke || memory.passes > 3 || over)) {
    // A hard-line chair that does not back the text leaves it to the heads of state, in person,
    // unless its brief wants the decision fast, the crisis is its own, or a summit's two days would
    // lose it.
    const summit =
      ctx.temperament === TEMPERAMENTS.hardline &&
      diagnosis.stance !== "endorse" &&
      ctx.prefs.speed <= 0 &&
      !isHost &&
      !summitLoses(ctx);
    const format = summit ? "summit" : ctx.prefs.speed > 0 ? "phone" : "video";
    const answered = others.some((member) => view.concerns[member]?.answered);
    const key = summit ? "callVote.summit" : answered ? "callVote.answered" : "callVote";
    return { type: "callVote", format, reason: reason(key, { format }) };
  }
  if (
    !isChair &&
    !waiting &&
    can(legal, "requestSession") &&
    diagnosis.stance === "endorse" &&
    memory.passes > 4
  ) {
    return { type: "requestSession", reason: reason("requestSession") };
  }
  return null;
}
