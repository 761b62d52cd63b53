/**
 * How a historical bot negotiates (docs/game.md, "Negotiation" and "Bots"). Whoever tabled the text,
 * or the chair, answers a member's concerns: it amends the text to meet them as far as its own
 * playbook and objectives allow (a shorter time limit, no task of restoring order, a softer lawful
 * basis, a weaker form it accepts instead of troops), or keeps it and says why. A bot whose pledge is
 * questioned may lower it once. Every change goes one way only and is made at most once per concern
 * set, and a text the table has already answered for is not amended again, so bots never loop.
 */
import type { Action, ProposalTerms } from "../rules/actions.ts";
import type { LegalAction } from "../rules/legal.ts";
import type { Proposal } from "../rules/state.ts";
import type { LeaderPrivate, SeatView } from "../rules/view.ts";
import {
  CONCERNS,
  FORMS,
  TROOP_FORMS,
  type Basis,
  type Concern,
  type Form,
  type StateId,
} from "../rules/vocabulary.ts";
import { can, legalOf } from "./common.ts";
import { reason, wantsTroops, type Reason } from "./historical-reasons.ts";

/** Amendments one bot makes in a game, whatever the concerns: a last guard against any loop. */
const MAX_AMENDMENTS = 3;

type Lawful = readonly { form: Form; basis: Basis }[];

const isTroops = (form: Form): boolean => TROOP_FORMS.includes(form);

const termsOf = (p: Proposal): ProposalTerms => ({
  basis: p.basis,
  form: p.form,
  tasks: [...p.tasks],
  timeLimitDays: p.timeLimitDays,
});

const same = (a: ProposalTerms, b: ProposalTerms): boolean =>
  a.basis === b.basis &&
  a.form === b.form &&
  a.timeLimitDays === b.timeLimitDays &&
  a.tasks.join() === b.tasks.join();

/** The longest mission the bot will put its name to: a short one, or less if its objectives say so. */
export function timeCap(view: SeatView, me: LeaderPrivate): number {
  const caps = me.objectives
    .filter((o) => o.weight > 0 && o.condition.type === "missionDaysAtMost")
    .map((o) => (o.condition.type === "missionDaysAtMost" ? o.condition.days : Infinity));
  return Math.min(view.scenario.longMissionDays, ...caps);
}

/** Whether the bot's objectives let it trade the current form for a weaker one. */
function objectivesAllow(me: LeaderPrivate, from: Form, to: Form): boolean {
  for (const { weight, condition } of me.objectives) {
    if (condition.type === "form") {
      if (weight > 0 && condition.forms.includes(from) && !condition.forms.includes(to)) return false;
      if (weight < 0 && condition.forms.includes(to)) return false;
    }
  }
  return !(isTroops(from) && !isTroops(to) && wantsTroops(me));
}

/** A basis less contested than this one that is lawful for the form (Art. 4 → the 2007 agreement → Art. 2). */
function softerBasis(form: Form, basis: Basis, lawful: Lawful): Basis | undefined {
  const order: Basis[] =
    basis === "art4"
      ? isTroops(form)
        ? ["peacekeeping"]
        : ["art2", "peacekeeping"]
      : basis === "peacekeeping" && !isTroops(form)
        ? ["art2"]
        : [];
  return order.find((candidate) => lawful.some((t) => t.form === form && t.basis === candidate));
}

/** The strongest weaker form the bot accepts, may choose, and can table lawfully. */
function weakerTerms(terms: ProposalTerms, me: LeaderPrivate, lawful: Lawful): ProposalTerms | undefined {
  for (const form of FORMS.slice(0, FORMS.indexOf(terms.form)).reverse()) {
    if (!me.playbook.accepts.includes(form) || !objectivesAllow(me, terms.form, form)) continue;
    // Keep the basis where it still fits; the peacekeeping agreement is for peacekeeping forces.
    const bases: Basis[] = isTroops(form)
      ? [terms.basis, "peacekeeping", "art4"]
      : [terms.basis === "peacekeeping" ? "art2" : terms.basis, "art2", "art4", "peacekeeping"];
    const basis = bases.find((b) => lawful.some((t) => t.form === form && t.basis === b));
    if (!basis) continue;
    const tasks = isTroops(form)
      ? terms.tasks.length > 0
        ? terms.tasks
        : ["guardSites" as const]
      : terms.tasks.filter((task) => task === "humanitarian");
    return { ...terms, form, basis, tasks };
  }
  return undefined;
}

/** The terms changed to meet one concern, or undefined when the bot cannot or will not meet it. */
function meet(
  point: Concern,
  terms: ProposalTerms,
  view: SeatView,
  me: LeaderPrivate,
  lawful: Lawful,
): ProposalTerms | undefined {
  switch (point) {
    case "timeLimit": {
      const cap = timeCap(view, me);
      return terms.timeLimitDays > cap ? { ...terms, timeLimitDays: cap } : undefined;
    }
    case "tasks": {
      if (!terms.tasks.includes("restoreOrder")) return undefined;
      const tasks = terms.tasks.filter((task) => task !== "restoreOrder");
      return { ...terms, tasks: isTroops(terms.form) && tasks.length === 0 ? ["guardSites"] : tasks };
    }
    case "basis": {
      const basis = softerBasis(terms.form, terms.basis, lawful);
      return basis ? { ...terms, basis } : undefined;
    }
    case "form":
      // Troops are what members object to; a text that sends none may be too little for the objector.
      return isTroops(terms.form) ? weakerTerms(terms, me, lawful) : undefined;
    case "pledge":
    case "framing":
      return undefined;
  }
}

/** This bot's own amendments so far, as the public timeline records them. */
function amendments(view: SeatView, id: StateId) {
  return view.timeline.filter(
    (entry) => entry.seat === id && entry.reason?.key === "reason.historical.amend",
  );
}

interface Plan {
  terms: ProposalTerms;
  states: string;
  parts: string;
}

/** The amendment that meets what the bot can meet of the unanswered concerns, if it may make it. */
function plan(
  view: SeatView,
  me: LeaderPrivate,
  legal: readonly LegalAction[],
  targets: StateId[],
): Plan | null {
  const proposal = view.proposal;
  if (!proposal) return null;
  const lawful = legalOf(legal, "propose")?.terms ?? [];
  let terms = termsOf(proposal);
  const met: StateId[] = [];
  const parts = new Set<Concern>();
  for (const id of targets) {
    let metHere = false;
    for (const point of view.concerns[id]?.points ?? []) {
      // A part already changed for another member is met for this one too.
      const next = parts.has(point) ? undefined : meet(point, terms, view, me, lawful);
      if (next) {
        terms = next;
        parts.add(point);
      }
      if (parts.has(point)) metHere = true;
    }
    if (metHere) met.push(id);
  }
  if (met.length === 0 || same(terms, termsOf(proposal))) return null;
  return {
    terms,
    states: [...met].sort().join(", "),
    parts: CONCERNS.filter((point) => parts.has(point)).join(", "),
  };
}

/** Whether the bot may amend now: the text is not one the table already answered for, and this is new. */
function mayAmend(view: SeatView, me: LeaderPrivate, amendment: Plan): boolean {
  if (Object.values(view.concerns).some((concerns) => concerns.answered)) return false;
  const done = amendments(view, me.state);
  if (done.length >= MAX_AMENDMENTS) return false;
  return !done.some(
    (entry) =>
      entry.reason?.params?.states === amendment.states && entry.reason.params.parts === amendment.parts,
  );
}

/**
 * Why the text stays as it is for this member: it was already amended or defended for these
 * concerns (`settled`), or the first of them the bot will not meet.
 */
function keepReason(view: SeatView, me: LeaderPrivate, to: StateId, settled: boolean): Reason {
  const proposal = view.proposal;
  const concerns = view.concerns[to];
  if (!proposal || !concerns) return reason("keep.text");
  if (settled) return reason("keep.settled");
  for (const point of concerns.points) {
    switch (point) {
      case "form":
        return isTroops(proposal.form) && wantsTroops(me)
          ? reason("keep.formTroops", { severity: view.tracks.severity })
          : reason("keep.form", { form: proposal.form });
      case "basis":
        return reason("keep.basis", { form: proposal.form, basis: proposal.basis });
      case "timeLimit":
        return reason("keep.timeLimit", { days: proposal.timeLimitDays, limit: timeCap(view, me) });
      case "tasks":
        return reason("keep.tasks");
      case "pledge": {
        const state = concerns.pledgeOf ?? to;
        return reason("keep.pledge", { state, troops: proposal.contingents[state] ?? 0 });
      }
      case "framing":
        return reason("keep.framing", { host: view.scenario.host });
    }
  }
  return reason("keep.text");
}

/** The troops this bot last lowered its pledge to in this game, if it did. */
export function loweredPledge(view: SeatView, id: StateId): number | undefined {
  const lowered = view.timeline.filter(
    (entry) => entry.seat === id && entry.reason?.key === "reason.historical.lowerPledge",
  );
  const troops = lowered.at(-1)?.reason?.params?.troops;
  return typeof troops === "number" ? troops : undefined;
}

/** Lowers this bot's own questioned pledge once, by half, keeping the lead if its objectives want it. */
function lowerPledge(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const id = me.state;
  const mine = view.proposal?.contingents[id] ?? 0;
  if (mine === 0 || !can(legal, "pledge") || loweredPledge(view, id) !== undefined) return null;
  const askers = (Object.entries(view.concerns) as [StateId, SeatView["concerns"][StateId]][])
    .filter(([, c]) => c && !c.answered && c.points.includes("pledge") && c.pledgeOf === id)
    .map(([asker]) => asker);
  if (askers.length === 0) return null;
  const others = Object.entries(view.proposal?.contingents ?? {})
    .filter(([state]) => state !== id)
    .map(([, troops]) => troops);
  const leads = me.objectives.some(
    (o) => o.weight > 0 && o.condition.type === "leadNation" && o.condition.state === id,
  );
  const troops = Math.max(1, Math.floor(mine / 2), leads ? Math.max(0, ...others) + 1 : 0);
  if (troops >= mine) return null;
  return {
    type: "pledge",
    troops,
    reason: reason("lowerPledge", { troops, states: askers.sort().join(", ") }),
  };
}

/**
 * The bot's answer to the concerns on the table, if it owes one: lowering its own questioned pledge,
 * an amendment that meets what it can, or `answerConcerns` with the reason it keeps the text.
 */
export function negotiate(view: SeatView, me: LeaderPrivate, legal: readonly LegalAction[]): Action | null {
  const lowered = lowerPledge(view, me, legal);
  if (lowered) return lowered;
  // A bot's own objection is its stance, not a question it owes itself an answer to.
  const targets = (legalOf(legal, "answerConcerns")?.targets ?? []).filter((id) => id !== me.state);
  const to = targets[0];
  if (!to) return null;
  const amendment = plan(view, me, legal, targets);
  if (amendment && mayAmend(view, me, amendment)) {
    return {
      type: "propose",
      terms: amendment.terms,
      reason: reason("amend", { parts: amendment.parts, states: amendment.states }),
    };
  }
  const settled = amendment?.states.split(", ").includes(to) ?? false;
  return { type: "answerConcerns", to, reason: keepReason(view, me, to, settled) };
}
