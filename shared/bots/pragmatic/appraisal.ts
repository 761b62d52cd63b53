/**
 * What the parts of a text cost a pragmatic or hard-line bot, read from its own objectives and the
 * public facts: a time limit beyond what its aims or its parliament accept, "restore order" among
 * the tasks, a basis that rests on an overclaimed framing, another state's outsized pledge. Each part
 * is a concern the bot can name, and says how a change of the text would meet it.
 */
import type { ProposalTerms } from "../../rules/actions.ts";
import { overclaim } from "../../rules/framing.ts";
import { procedureFor } from "../../rules/procedures.ts";
import { termsProblem } from "../../rules/terms.ts";
import type { SeatView } from "../../rules/view.ts";
import {
  FRAMING_CLAIM,
  TROOP_FORMS,
  type Basis,
  type Form,
  type StateId,
  type Task,
} from "../../rules/vocabulary.ts";
import { formNoise, formWorth, noise, type Cause, type Ctx, type Part } from "./judgement.ts";

/** A text as a bot weighs it: the terms and the pledges. */
export type Text = ProposalTerms & { contingents: Partial<Record<StateId, number>> };

/** What the bot's objectives say about the parts of a text (preferences.ts reads the forms). */
export interface Aims {
  /** The longest mission it wants, and how much it weighs that. */
  missionDays: number | null;
  missionWeight: number;
  /** Its weight on international legitimacy, and on the host's sovereignty. */
  legitimacy: number;
  sovereignty: number;
  /** States it does not want to see leading a force, with the weight. */
  againstLead: Partial<Record<StateId, number>>;
}

export function aimsOf(ctx: Ctx): Aims {
  const aims: Aims = { missionDays: null, missionWeight: 0, legitimacy: 0, sovereignty: 0, againstLead: {} };
  for (const { condition, weight } of ctx.me.objectives) {
    if (condition.type === "missionDaysAtMost" && weight > 0) {
      aims.missionDays = Math.min(aims.missionDays ?? condition.days, condition.days);
      aims.missionWeight += weight;
    }
    if (condition.type === "track" && condition.atLeast !== undefined && weight > 0) {
      if (condition.track === "legitimacy") aims.legitimacy += weight;
      if (condition.track === "sovereignty") aims.sovereignty += weight;
    }
    if (condition.type === "leadNation" && condition.state !== ctx.me.state && weight < 0)
      aims.againstLead[condition.state] = (aims.againstLead[condition.state] ?? 0) - weight;
  }
  return aims;
}

/**
 * How willing this bot is to send its own troops to a force it backs, in the weights of its
 * objectives: its wish for (or against) its troops abroad, to lead the force, to see the crisis
 * contained (and, for troops sent at the host's request alone, its wish for that mission), and the severity past 7 (a grave crisis argues against staying home), with its own
 * lean drawn once a game. Above 0 it sends them: a member whose brief keeps its troops at home may
 * still pledge when the crisis next door spirals and containing it matters to it.
 */
export function willToSend(ctx: Ctx): number {
  const { prefs, view, memory } = ctx;
  memory.sendLean ??= noise(ctx);
  // Troops it agreed to send on its own, outside the alliance, carry its wish for that mission too.
  const bilateral = view.bilateralResponse?.response === "assist" ? Math.max(0, prefs.bilateral) : 0;
  return (
    1 +
    prefs.ownTroops +
    bilateral +
    Math.max(0, prefs.lead) +
    0.5 * Math.max(0, prefs.contain) +
    (view.tracks.severity - 7) +
    memory.sendLean
  );
}

/**
 * Share of its forces this bot pledges to a force it backs (0: none). A member whose brief keeps its
 * troops at home sends them only when its will to send them is there.
 */
export function pledgeShareOf(ctx: Ctx): number {
  const { prefs, temperament } = ctx;
  if (prefs.ownTroops < 0 && willToSend(ctx) <= 0) return 0;
  return temperament.pledgeShare + (prefs.lead > 0 ? 0.4 : 0);
}

/** Whether this bot would send troops to a force it backs: its parliament then has a say. */
export function wouldPledge(ctx: Ctx): boolean {
  const { view, me } = ctx;
  return (
    me.state !== view.scenario.host &&
    (view.scenario.forces[me.state]?.available ?? 0) > 0 &&
    pledgeShareOf(ctx) > 0
  );
}

/** The shortest mission this bot accepts for troops: two weeks when the crisis is grave. */
export function shortestDays(ctx: Ctx): number {
  return Math.max(ctx.temperament.minDays, ctx.view.tracks.severity >= 7 ? 14 : 0);
}

/** A lawful basis other than Article 4 for this form, when there is one. */
export function basisBelowArt4(view: SeatView, text: ProposalTerms): Basis | undefined {
  const options: Basis[] = TROOP_FORMS.includes(text.form) ? ["peacekeeping"] : ["art2", "peacekeeping"];
  return options.find((basis) => !termsProblem(view.appeal, { ...text, basis }));
}

/** The state holding more than half the troops pledged, if any. */
export function outsizedPledger(text: Text): StateId | undefined {
  const entries = Object.entries(text.contingents) as [StateId, number][];
  const total = entries.reduce((sum, [, troops]) => sum + troops, 0);
  return entries.find(([, troops]) => troops > total / 2)?.[0];
}

function timeLimitParts(ctx: Ctx, text: Text, aims: Aims): Part[] {
  const { view, me, prefs } = ctx;
  const days = text.timeLimitDays;
  const parts: Part[] = [];
  const part = (cause: Cause, cost: number, limit: number): Part => ({
    concern: "timeLimit",
    cause,
    cost,
    fixable: true,
    days: limit,
    params: { days, limit },
  });
  if (aims.missionDays !== null && days > aims.missionDays) {
    const over = (days - aims.missionDays) / aims.missionDays;
    parts.push(part("timeLimit.aim", aims.missionWeight * Math.min(1, over), aims.missionDays));
  }
  const long = view.scenario.longMissionDays;
  const kind = procedureFor(me.state, view.scenario.date)?.kind;
  if (wouldPledge(ctx) && days > long) {
    if (kind === "standingConsent") parts.push(part("timeLimit.consent", 2, long));
    else if (kind === "parliament" || kind === "jointSession" || kind === "upperHouse")
      parts.push(part("timeLimit.parliament", 1.5, long));
  }
  const shortest = shortestDays(ctx);
  if (prefs.deploy > 0 && days < shortest) {
    const short = part("timeLimit.short", Math.min(2, prefs.deploy / 3), shortest);
    parts.push({ ...short, params: { days, limit: shortest, severity: Math.round(view.tracks.severity) } });
  }
  return parts;
}

function framingParts(ctx: Ctx, text: Text): Part[] {
  const { view } = ctx;
  const gap = overclaim(view);
  const framing = view.appeal?.framing;
  if (gap <= 0 || !framing) return [];
  const params = { framing, evidence: view.scenario.evidence[framing], claim: FRAMING_CLAIM[framing] };
  const parts: Part[] = [
    { concern: "framing", cause: "framing.overclaim", cost: 0.4 * gap, fixable: false, params },
  ];
  if (text.basis === "art4") {
    const fixable = basisBelowArt4(view, text) !== undefined;
    const basisParams = { ...params, basis: text.basis };
    parts.push({ concern: "basis", cause: "basis.overclaim", cost: 0.2 * gap, fixable, params: basisParams });
  }
  return parts;
}

function pledgeParts(text: Text, aims: Aims): Part[] {
  const big = outsizedPledger(text);
  const weight = big ? (aims.againstLead[big] ?? 0) : 0;
  if (!big || weight <= 0) return [];
  const troops = text.contingents[big] ?? 0;
  const total = Object.values(text.contingents).reduce((sum, n) => sum + n, 0);
  return [
    {
      concern: "pledge",
      cause: "pledge.outsized",
      cost: weight / 2,
      // Another state's pledge can come down only to what the others send together.
      fixable: total > troops,
      pledgeOf: big,
      params: { state: big, troops, total },
    },
  ];
}

/** The parts of a text that cost this bot something, largest first. Only a force has such parts. */
export function partsOf(ctx: Ctx, text: Text): Part[] {
  if (!TROOP_FORMS.includes(text.form)) return [];
  const { view, me } = ctx;
  const aims = aimsOf(ctx);
  const host = me.state === view.scenario.host;
  // The host's own request is no cost to it: others weigh the evidence.
  const framing = host ? [] : framingParts(ctx, text);
  const parts = [...timeLimitParts(ctx, text, aims), ...framing, ...pledgeParts(text, aims)];
  if (text.tasks.includes("restoreOrder")) {
    const cost = host ? aims.sovereignty / 2 : Math.max(aims.legitimacy / 2, wouldPledge(ctx) ? 1 : 0);
    const cause = host ? "tasks.sovereignty" : "tasks.police";
    if (cost > 0) parts.push({ concern: "tasks", cause, cost, fixable: true, params: {} });
  }
  return parts.sort((a, b) => b.cost - a.cost);
}

/** What this text is worth to the bot: its form, its fixed lean on that form, less its parts. */
export function appraise(ctx: Ctx, text: Text): number {
  const cost = partsOf(ctx, text).reduce((sum, part) => sum + part.cost, 0);
  return formWorth(ctx, text.form) + formNoise(ctx, text.form) - cost;
}

/** The tasks without "restore order" (a force keeps at least guarding sites). */
export function withoutOrder(tasks: readonly Task[], form: Form): Task[] {
  const kept = tasks.filter((task) => task !== "restoreOrder");
  return kept.length === 0 && TROOP_FORMS.includes(form) ? ["guardSites"] : kept;
}

/** The text changed to meet these parts, as the bot itself would change it. */
export function meetParts(ctx: Ctx, text: Text, parts: readonly Part[]): Text {
  const fixed: Text = { ...text, tasks: [...text.tasks], contingents: { ...text.contingents } };
  for (const part of parts) {
    if (!part.fixable) continue;
    if (part.concern === "timeLimit" && part.days !== undefined)
      fixed.timeLimitDays =
        part.cause === "timeLimit.short"
          ? Math.max(fixed.timeLimitDays, part.days)
          : Math.min(fixed.timeLimitDays, part.days);
    if (part.concern === "tasks") fixed.tasks = withoutOrder(fixed.tasks, fixed.form);
    if (part.concern === "basis") fixed.basis = basisBelowArt4(ctx.view, fixed) ?? fixed.basis;
    if (part.concern === "pledge" && part.pledgeOf) {
      const others = Object.entries(fixed.contingents)
        .filter(([id]) => id !== part.pledgeOf)
        .reduce((sum, [, n]) => sum + n, 0);
      fixed.contingents[part.pledgeOf] = others;
    }
  }
  return fixed;
}

/** A short key for a text's terms (not its pledges): a text is tabled and judged by it. */
export function termsKey(text: ProposalTerms): string {
  return `${text.form}:${text.basis}:${text.timeLimitDays}:${text.tasks.join("+")}`;
}
