/**
 * The proposer's (or the chair's) side of negotiation: each member's concerns about the text are met
 * by an amendment when the bot's own objectives allow it — a shorter time limit, "restore order"
 * dropped, a basis below Article 4, a form one step weaker (or stronger, for the host) — or answered
 * with the reason it will not (`answerConcerns`). Each concern set is met or answered once, and no
 * text is tabled twice. A bot whose own pledge is the concern may cut it.
 */
import type { Action, ProposalTerms } from "../../rules/actions.ts";
import { termsProblem } from "../../rules/terms.ts";
import type { Concerns } from "../../rules/state.ts";
import {
  BASES,
  CONCERNS,
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
  basisBelowArt4,
  shortestDays,
  termsKey,
  withoutOrder,
  type Text,
} from "./appraisal.ts";
import { keepFormWhy, lawfulForms, said } from "./explain.ts";
import { endorses } from "./diagnosis.ts";
import { markTabled, mayTable, type Ctx, type Why } from "./judgement.ts";

type Proposal = NonNullable<Ctx["view"]["proposal"]>;

/** One member's concerns, with the key under which the bot remembers having dealt with them. */
interface ConcernSet {
  id: StateId;
  concerns: Concerns;
  key: string;
}

/** The standard time limits a proposer steps down through when a member finds the text too long. */
const STEPS = [30, 21, 14, 7];

interface Stated {
  key: string;
  /** The time limit it asked for. */
  limit?: number;
  /** The form it said it wants instead. */
  alt?: Form;
}

/** What the member said in its own reason since it stated its concerns (public, in the timeline). */
function statedBy(ctx: Ctx, set: ConcernSet): Stated | undefined {
  const timeline = ctx.view.timeline;
  for (let i = timeline.length - 1; i >= 0; i--) {
    const entry = timeline[i];
    if (!entry || entry.hour < set.concerns.atHour) break;
    if (entry.seat !== set.id || !entry.reason) continue;
    const { limit, alt } = entry.reason.params ?? {};
    const form = FORMS.find((candidate) => candidate === alt);
    return {
      key: entry.reason.key,
      ...(typeof limit === "number" ? { limit } : {}),
      ...(form ? { alt: form } : {}),
    };
  }
  return undefined;
}

/** Terms of another form, keeping what still fits: the basis if lawful, the tasks of a force. */
export function fitTerms(ctx: Ctx, terms: ProposalTerms, form: Form): ProposalTerms {
  const troops = TROOP_FORMS.includes(form);
  const tasks: Task[] = troops
    ? TROOP_FORMS.includes(terms.form)
      ? [...terms.tasks]
      : ["guardSites"]
    : form === "equipment"
      ? ["humanitarian"]
      : [];
  // The peacekeeping agreement is a basis for a force; a text without troops rests on the treaty.
  const preference: Basis[] = [
    ...(troops || terms.basis !== "peacekeeping" ? [terms.basis] : []),
    ...(form === "peacekeeping" ? (["peacekeeping", "art4"] as const) : (["art4", "art2"] as const)),
    ...BASES,
  ];
  const lawful = (basis: Basis) => !termsProblem(ctx.view.appeal, { ...terms, form, tasks, basis });
  return { ...terms, form, tasks, basis: preference.find(lawful) ?? terms.basis };
}

/** The host keeps "restore order" when it asked for troops against grave unrest and minds no sovereignty. */
function keepsOrder(ctx: Ctx): boolean {
  const { view, me, prefs } = ctx;
  return (
    me.state === view.scenario.host &&
    view.tracks.severity >= 7 &&
    prefs.deploy > 3 &&
    aimsOf(ctx).sovereignty === 0
  );
}

/** Meets one point on the trial terms; returns why not when the bot will not, or "met". */
function meetPoint(ctx: Ctx, trial: ProposalTerms, point: Concern, set: ConcernSet): Why | "met" | null {
  const { view } = ctx;
  const severity = Math.round(view.tracks.severity);
  const stated = statedBy(ctx, set);
  if (point === "timeLimit") {
    const days = trial.timeLimitDays;
    if (stated?.limit !== undefined && stated.limit > days) {
      const aim = aimsOf(ctx).missionDays;
      if (aim !== null && stated.limit > aim)
        return { key: "keep.timeLimit.aim", params: { days, limit: aim } };
      trial.timeLimitDays = stated.limit;
      return "met";
    }
    const floor = TROOP_FORMS.includes(trial.form) ? shortestDays(ctx) : 1;
    const steps = [view.scenario.longMissionDays, ...STEPS].filter((step) => step < days);
    const want = stated?.limit ?? Math.max(...steps, floor);
    const next = Math.max(want, floor);
    if (next >= days) return { key: "keep.timeLimit.floor", params: { days, floor, severity } };
    trial.timeLimitDays = next;
    return "met";
  }
  if (point === "tasks") {
    if (!trial.tasks.includes("restoreOrder"))
      return { key: "keep.tasks.scope", params: { form: trial.form } };
    if (keepsOrder(ctx)) return { key: "keep.tasks.order", params: { severity } };
    trial.tasks = withoutOrder(trial.tasks, trial.form);
    return "met";
  }
  if (point === "basis" || point === "framing") {
    const lower = trial.basis === "art4" ? basisBelowArt4(view, trial) : undefined;
    if (lower) {
      trial.basis = lower;
      return "met";
    }
    const form = trial.form;
    if (trial.basis === "art4") return { key: "keep.basis.only", params: { form } };
    if (point === "framing") return { key: "keep.framing", params: { host: view.scenario.host } };
    return trial.basis === "peacekeeping"
      ? { key: "keep.basis.agreement", params: { form } }
      : { key: "keep.basis.lawful", params: { basis: trial.basis, form } };
  }
  if (point === "form") return meetForm(ctx, trial, set, stated);
  // A pledge: another state's is that state's to set; this bot's own it cuts itself (cutPledge), or keeps.
  const of = set.concerns.pledgeOf;
  if (!of) return null;
  if (of !== ctx.me.state) return { key: "keep.pledge", params: { state: of } };
  const contingents = view.proposal?.contingents ?? {};
  const troops = contingents[of] ?? 0;
  const others = Object.values(contingents).reduce((sum, n) => sum + n, 0) - troops;
  if (ctx.memory.pledgeCap !== null) return { key: "keep.pledge.cut", params: { troops } };
  return ctx.prefs.lead > 0
    ? { key: "keep.pledge.lead", params: { troops } }
    : { key: "keep.pledge.size", params: { troops, others } };
}

/**
 * One step of form towards what the member said it wants: the form it named, stronger when it
 * said the text is too weak; else stronger for the host that asked for help, weaker for the others.
 */
function meetForm(ctx: Ctx, trial: ProposalTerms, set: ConcernSet, said?: Stated): Why | "met" {
  const index = FORMS.indexOf(trial.form);
  const stronger = said?.alt
    ? FORMS.indexOf(said.alt) > index
    : (said?.key.endsWith("tooWeak") ?? false) || set.id === ctx.view.scenario.host;
  const lawful = lawfulForms(ctx);
  const candidates = stronger ? FORMS.slice(index + 1) : FORMS.slice(0, index).reverse();
  const next = candidates.find((form) => lawful.includes(form));
  if (!next) return { key: stronger ? "keep.form.most" : "keep.form.least", params: { form: trial.form } };
  Object.assign(trial, fitTerms(ctx, trial, next));
  return "met";
}

/** The part a member's own reason is about (a bot's reason key names it; a person's has none). */
function mainConcern(ctx: Ctx, set: ConcernSet): Concern | undefined {
  const key = statedBy(ctx, set)?.key.split(".")[2];
  return CONCERNS.find((concern) => concern === key);
}

interface Plan {
  terms: ProposalTerms;
  met: StateId[];
  changed: Concern[];
  refusals: Map<StateId, Why>;
}

/** The amendment that meets as many concern sets as the bot's objectives allow, and why not the rest. */
function plan(ctx: Ctx, proposal: Proposal, sets: readonly ConcernSet[]): Plan {
  const { view, temperament } = ctx;
  const textOf = (terms: ProposalTerms): Text => ({ ...terms, contingents: proposal.contingents });
  const now = appraise(ctx, proposal);
  const budget = temperament.concede * Math.max(1, view.round);
  const result: Plan = { terms: termsOf(proposal), met: [], changed: [], refusals: new Map() };
  for (const set of sets) {
    const trial = { ...result.terms, tasks: [...result.terms.tasks] };
    const changed: Concern[] = [];
    const refused = new Map<Concern, Why>();
    for (const point of set.concerns.points) {
      if (point === "framing" && changed.includes("basis")) continue;
      // One amendment moves the form one way: members pulling both ways get it for the first.
      if (point === "form" && result.changed.includes("form")) {
        refused.set(point, keepFormWhy(ctx, trial.form, proposal.form));
        continue;
      }
      const outcome = meetPoint(ctx, trial, point, set);
      if (outcome === "met") changed.push(point === "framing" ? "basis" : point);
      else if (outcome) refused.set(point, outcome);
    }
    // The answer speaks to what the member said mattered most (its own reason), else to its first part.
    const main = mainConcern(ctx, set);
    let refusal = (main && refused.get(main)) ?? refused.values().next().value;
    const u = appraise(ctx, textOf(trial));
    const acceptable = endorses(ctx, trial, u) && u >= now - budget;
    if (changed.length > 0 && acceptable) {
      result.terms = trial;
      result.met.push(set.id);
      for (const point of changed) if (!result.changed.includes(point)) result.changed.push(point);
    } else if (changed.length > 0) {
      refusal = trial.form !== result.terms.form ? keepFormWhy(ctx, result.terms.form, trial.form) : refusal;
    }
    if (refusal) result.refusals.set(set.id, refusal);
  }
  result.changed.sort((a, b) => CONCERNS.indexOf(a) - CONCERNS.indexOf(b));
  return result;
}

const termsOf = (p: ProposalTerms): ProposalTerms => ({
  basis: p.basis,
  form: p.form,
  tasks: [...p.tasks],
  timeLimitDays: p.timeLimitDays,
});

/** Why the amendment: whose concerns it meets and what changed. */
function meetWhy(result: Plan, before: Proposal): Why {
  const to = result.met.join(", ");
  const after = result.terms;
  const [only, ...more] = result.changed;
  if (more.length > 0 || !only)
    return {
      key: "meet.several",
      params: { to, changes: result.changed.join(", "), form: after.form, days: after.timeLimitDays },
    };
  if (only === "timeLimit")
    return { key: "meet.timeLimit", params: { to, from: before.timeLimitDays, days: after.timeLimitDays } };
  if (only === "basis")
    return { key: "meet.basis", params: { to, fromBasis: before.basis, basis: after.basis } };
  if (only === "form") return { key: "meet.form", params: { to, from: before.form, form: after.form } };
  return { key: "meet.tasks", params: { to } };
}

/** Concern sets about this text the bot has not dealt with: unanswered ones, and those a blocked vote carried back. */
function openSets(ctx: Ctx, proposal: Proposal): ConcernSet[] {
  const { view, me, memory } = ctx;
  const text = termsKey(proposal);
  const sets: ConcernSet[] = [];
  for (const id of view.scenario.members) {
    const concerns = view.concerns[id];
    if (!concerns || id === me.state) continue;
    if (concerns.answered && concerns.atHour >= view.phaseStartedAt) continue;
    const key = `${view.round}|${text}|${id}|${concerns.points.join()}|${concerns.pledgeOf ?? ""}`;
    if (!memory.handled.has(key)) sets.push({ id, concerns, key });
  }
  return sets;
}

/** The chair leaves a concern set to whoever tabled the text for one turn, while members still speak. */
function deferred(ctx: Ctx, set: ConcernSet): boolean {
  const { view, memory } = ctx;
  const speaking = view.scenario.members.some((member) => !view.positions[member]);
  if (!speaking || memory.deferred.has(set.key)) return false;
  memory.deferred.add(set.key);
  return true;
}

/** The proposer or the chair: meet the members' concerns with an amendment, or answer them. */
export function negotiate(ctx: Ctx): Action | null {
  const { view, me, legal, memory } = ctx;
  const proposal = view.proposal;
  if (!proposal) return null;
  const mine = proposal.by === me.state;
  if (!mine && me.state !== view.scenario.chair) return null;
  const sets = openSets(ctx, proposal).filter((set) => mine || !deferred(ctx, set));
  if (sets.length === 0) return null;
  const result = plan(ctx, proposal, sets);
  const key = termsKey(result.terms);
  const changed = key !== termsKey(proposal);
  if (result.met.length > 0 && changed && can(legal, "propose") && mayTable(ctx, key)) {
    for (const set of sets) memory.handled.add(set.key);
    markTabled(ctx, key);
    return { type: "propose", terms: result.terms, reason: said(meetWhy(result, proposal)) };
  }
  const targets = legalOf(legal, "answerConcerns")?.targets ?? [];
  const set = sets.find((candidate) => targets.includes(candidate.id));
  for (const other of sets) if (other !== set && !targets.includes(other.id)) memory.handled.add(other.key);
  if (!set) return null;
  memory.handled.add(set.key);
  const members = view.scenario.members;
  const endorsed = members.filter((member) => view.positions[member] === "endorse").length;
  const why: Why =
    result.refusals.get(set.id) ??
    (result.met.includes(set.id)
      ? { key: "keep.again", params: {} }
      : { key: "keep.general", params: { endorsed, members: members.length } });
  return { type: "answerConcerns", to: set.id, reason: said(why) };
}

/** A member's concern is this bot's own pledge: it cuts it to what the others send, if it may. */
export function cutPledge(ctx: Ctx): Action | null {
  const { view, me, legal, memory, prefs, temperament } = ctx;
  const proposal = view.proposal;
  const mine = proposal?.contingents[me.state] ?? 0;
  if (!proposal || mine === 0 || !can(legal, "pledge")) return null;
  const total = Object.values(proposal.contingents).reduce((sum, n) => sum + n, 0);
  const others = total - mine;
  for (const id of view.scenario.members) {
    const concerns = view.concerns[id];
    if (concerns?.pledgeOf !== me.state) continue;
    const key = `pledge|${view.round}|${termsKey(proposal)}|${id}|${concerns.atHour}`;
    if (memory.handled.has(key)) continue;
    memory.handled.add(key);
    // A lead nation keeps its contingent; a hard-liner cuts little.
    if (prefs.lead > 0 || others <= 0 || (mine - others) / mine > temperament.pledgeCut) continue;
    memory.pledgeCap = others;
    return {
      type: "pledge",
      troops: others,
      reason: said({ key: "meet.pledge", params: { to: id, from: mine, troops: others } }),
    };
  }
  return null;
}
