/**
 * How a pragmatic or hard-line bot judges: its temperament, what it remembers within a game, and
 * what a text is worth to it — shared by the phases it plays. The worth of a text is the worth of
 * its form (this file) less what its other parts cost the bot (appraisal.ts).
 */
import type { Message, ProposalTerms } from "../../rules/actions.ts";
import type { LegalAction } from "../../rules/legal.ts";
import type { Rng } from "../../rules/rng.ts";
import type { LeaderPrivate, SeatView } from "../../rules/view.ts";
import {
  TROOP_FORMS,
  type BotKind,
  type Concern,
  type Form,
  type Stance,
  type StateId,
} from "../../rules/vocabulary.ts";
import type { BotContext } from "../bot.ts";
import type { Preferences } from "../preferences.ts";

export interface Temperament {
  /** At or above this utility a bot endorses and supports. */
  endorseAt: number;
  /** At or below this utility it objects (and so blocks). */
  objectAt: number;
  /** Share of its available forces it pledges when it backs a force. */
  pledgeShare: number;
  /** Re-votes it will call after its parliament says no. */
  revotes: number;
  /** Size of the random element in its judgements. */
  noise: number;
  /** A part of the text costing it this much or more is named in its concerns (lower: it asks more). */
  concernAt: number;
  /** Utility it gives up, per council round held, to meet another's concerns as the proposer. */
  concede: number;
  /** The shortest time limit, in days, it tables for troops. */
  minDays: number;
  /** The largest share of its own pledge it cuts to meet a concern about it. */
  pledgeCut: number;
  /**
   * How much deeper than its objecting bar an objection must go for it to block alone, when every
   * other member backs the text and the host wants it: short of that it stands aside and does not
   * sign (Uzbekistan's dissenting opinion on the rapid reaction force, 2009).
   */
  alone: number;
}

export const TEMPERAMENTS: Record<Exclude<BotKind, "historical">, Temperament> = {
  pragmatic: {
    endorseAt: 0.5,
    objectAt: -4,
    pledgeShare: 0.5,
    revotes: 2,
    noise: 2.5,
    concernAt: 0.75,
    concede: 2,
    minDays: 7,
    pledgeCut: 0.6,
    alone: 2,
  },
  hardline: {
    endorseAt: 3,
    objectAt: -1,
    pledgeShare: 0.25,
    revotes: 1,
    noise: 1.5,
    concernAt: 0.25,
    concede: 0.5,
    minDays: 14,
    pledgeCut: 0.25,
    alone: 0,
  },
};

export const reason = (key: string, params?: Message["params"]): Message => ({
  key: `reason.${key}`,
  ...(params ? { params } : {}),
});

export type Params = Record<string, string | number>;

/** A reason before it becomes a message: the key after `reason.` and its parameters. */
export interface Why {
  key: string;
  params: Params;
}

/** What makes a part of a text cost a bot something (appraisal.ts). */
export type Cause =
  | "timeLimit.aim"
  | "timeLimit.consent"
  | "timeLimit.parliament"
  | "timeLimit.short"
  | "tasks.police"
  | "tasks.sovereignty"
  | "basis.overclaim"
  | "framing.overclaim"
  | "pledge.outsized";

/** A part of a text that costs the bot something: a concern it can name. */
export interface Part {
  concern: Concern;
  cause: Cause;
  cost: number;
  /** Whether a change of the text meets it (the framing is the request's, not the text's to change). */
  fixable: boolean;
  params: Params;
  /** timeLimit: the days that would meet it. */
  days?: number;
  /** pledge: whose pledge. */
  pledgeOf?: StateId;
}

/** A bot's judgement of one text (diagnosis.ts). */
export interface Diagnosis {
  u: number;
  stance: Stance;
  /** The parts it names, in the order of CONCERNS (empty when it endorses). */
  points: Concern[];
  pledgeOf?: StateId;
  /** The fixable parts it asks to change: meeting them is what a bargain means. */
  asks: Part[];
  /** Meeting its points would bring its endorsement. */
  bargain: boolean;
  /** The reason for an objection or a stand-aside. */
  why: Why | null;
}

/** What a bot remembers within one game, so it does not repeat itself. */
export interface Memory {
  passes: number;
  amendedInRound: number;
  lobbied: Set<StateId>;
  revotes: number;
  lastSignature: string;
  /** The bot's judgement of each text it has seen, so it does not flip on a fresh draw of noise. */
  judged: Map<string, Diagnosis>;
  /** The random part of its judgement of each form, drawn once: a change to a text moves it predictably. */
  formNoise: Map<Form, number>;
  /** The texts this bot has tabled, with the severity then: it tables none twice (see mayTable). */
  tabled: Map<string, number>;
  /** Concern sets this bot met or answered (round, text, member, parts): each once. */
  handled: Set<string>;
  /** Concern sets the chair has seen and left to the proposer for a turn. */
  deferred: Set<string>;
  /** What it asked for in exchange for its endorsement, and of which text, so it can say so when it gets it. */
  asked: { points: Concern[]; of: ProposalTerms } | null;
  /** The most troops it will pledge after cutting its pledge to meet a concern. */
  pledgeCap: number | null;
  /** States seen pledging troops in this game: a force without any has no one to send. */
  pledgers: Set<StateId>;
  /** Its own lean on sending its troops, drawn once a game (appraisal.ts, willToSend). */
  sendLean: number | null;
  /** Whether it has weighed its pledge again at home, before sending it to its procedure. */
  reweighed: boolean;
  /** The last text on the table that could be put to the vote (a force nobody pledged to cannot). */
  lastVotable: ProposalTerms | null;
  /** The clock and severity when it first looked at the crisis: how fast it worsens, as seen. */
  firstSeen: { clock: number; severity: number } | null;
}

export function newMemory(): Memory {
  return {
    passes: 0,
    amendedInRound: -1,
    lobbied: new Set(),
    revotes: 0,
    lastSignature: "",
    judged: new Map(),
    formNoise: new Map(),
    tabled: new Map(),
    handled: new Set(),
    deferred: new Set(),
    asked: null,
    pledgeCap: null,
    pledgers: new Set(),
    sendLean: null,
    reweighed: false,
    firstSeen: null,
    lastVotable: null,
  };
}

export interface Ctx {
  view: SeatView;
  me: LeaderPrivate;
  legal: readonly LegalAction[];
  prefs: Preferences;
  temperament: Temperament;
  rng: Rng;
  memory: Memory;
  /** What the table says beyond the view (the room's deliberation window). */
  context: BotContext;
}

/** Severity added per hour, as this bot has watched the crisis worsen since it first looked (0 at first). */
export function worseningSeen(ctx: Ctx): number {
  const { view, memory } = ctx;
  memory.firstSeen ??= { clock: view.clock, severity: view.tracks.severity };
  const hours = view.clock - memory.firstSeen.clock;
  return hours > 0 ? Math.max(0, (view.tracks.severity - memory.firstSeen.severity) / hours) : 0;
}

/**
 * Whether the bot may table this text (by its terms key): not twice, unless the crisis has deepened
 * by a full point since it last did, and the text may now find the backing it lacked.
 */
export function mayTable(ctx: Ctx, key: string): boolean {
  const at = ctx.memory.tabled.get(key);
  return at === undefined || ctx.view.tracks.severity >= at + 1;
}

export function markTabled(ctx: Ctx, key: string): void {
  ctx.memory.tabled.set(key, ctx.view.tracks.severity);
}

export const noise = (ctx: Ctx): number => (ctx.rng.next() - 0.5) * 2 * ctx.temperament.noise;

/** The bot's fixed random lean on a form (a quarter of its noise), drawn the first time it is needed. */
export function formNoise(ctx: Ctx, form: Form): number {
  let lean = ctx.memory.formNoise.get(form);
  if (lean === undefined) {
    lean = noise(ctx) / 4;
    ctx.memory.formNoise.set(form, lean);
  }
  return lean;
}

export type FormFactor =
  "aim" | "decision" | "deploy" | "drive" | "ownTroops" | "severity" | "tooWeak" | "noTroops";

/** What a form is worth to this leader, factor by factor (before the parts of a particular text). */
export function formFactors(ctx: Ctx, form: Form): Record<FormFactor, number> {
  const { view, prefs, me } = ctx;
  const troops = TROOP_FORMS.includes(form);
  const host = me.state === view.scenario.host;
  const pledged = (view.proposal?.contingents[me.state] ?? 0) > 0;
  return {
    aim: prefs.forms[form],
    decision: 0.3 * prefs.decision,
    deploy: troops ? prefs.deploy : 0,
    drive: troops ? 0.5 * prefs.speed + 0.5 * prefs.lead : 0,
    // A wish to keep its troops home is weighed in its will to send them (appraisal.ts), not here.
    ownTroops: troops && pledged ? Math.max(0, prefs.ownTroops) : 0,
    severity: troops ? 0.5 * (view.tracks.severity - 5) + brink(ctx) : 0,
    tooWeak: troops ? 0 : -0.3 * Math.max(0, prefs.deploy),
    noTroops: troops || host ? 0 : 0.3 * Math.max(0, -prefs.deploy),
  };
}

/**
 * At the brink (severity past 8) a lost crisis is close, and troops are the one answer that can
 * still turn it: each point past 8 adds more for a bot with more at stake — its wish to see the
 * crisis contained and its weight on the alliance's credibility, which a lost crisis costs.
 */
export function brink(ctx: Ctx): number {
  const { prefs, view } = ctx;
  const stake = Math.max(0, prefs.contain) + Math.max(0, prefs.credibility);
  return Math.max(0, view.tracks.severity - 7.5) * (0.5 + 0.25 * stake);
}

export function formWorth(ctx: Ctx, form: Form): number {
  return Object.values(formFactors(ctx, form)).reduce((sum, x) => sum + x, 0);
}

export function stanceFor(ctx: Ctx, u: number): Stance {
  const isHost = ctx.me.state === ctx.view.scenario.host;
  if (u >= ctx.temperament.endorseAt || (isHost && u > ctx.temperament.objectAt)) return "endorse";
  return u <= ctx.temperament.objectAt ? "object" : "standAside";
}
