/**
 * How a pragmatic or hard-line bot judges: its temperament, what it remembers within a game, and
 * what a form of decision is worth to it — shared by the phases it plays.
 */
import type { Message } from "../../rules/actions.ts";
import { overclaim } from "../../rules/framing.ts";
import type { LegalAction } from "../../rules/legal.ts";
import type { Rng } from "../../rules/rng.ts";
import type { LeaderPrivate, SeatView } from "../../rules/view.ts";
import { TROOP_FORMS, type BotKind, type Form, type Stance, type StateId } from "../../rules/vocabulary.ts";
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
}

export const TEMPERAMENTS: Record<Exclude<BotKind, "historical">, Temperament> = {
  pragmatic: { endorseAt: 0.5, objectAt: -4, pledgeShare: 0.5, revotes: 2, noise: 2.5 },
  hardline: { endorseAt: 3, objectAt: -1, pledgeShare: 0.25, revotes: 1, noise: 1.5 },
};

export const reason = (key: string, params?: Message["params"]): Message => ({
  key: `reason.${key}`,
  ...(params ? { params } : {}),
});

/** What a bot remembers within one game, so it does not repeat itself. */
export interface Memory {
  passes: number;
  amendedInRound: number;
  lobbied: Set<StateId>;
  revotes: number;
  lastSignature: string;
  /** The bot's judgement of each text it has seen, so it does not flip on a fresh draw of noise. */
  judged: Map<string, { u: number; stance: Stance }>;
}

export interface Ctx {
  view: SeatView;
  me: LeaderPrivate;
  legal: readonly LegalAction[];
  prefs: Preferences;
  temperament: Temperament;
  rng: Rng;
  memory: Memory;
}

export const noise = (ctx: Ctx): number => (ctx.rng.next() - 0.5) * 2 * ctx.temperament.noise;

/** What a proposal of this form is worth to this leader. */
export function utility(ctx: Ctx, form: Form): number {
  const { view, prefs, me } = ctx;
  const troops = TROOP_FORMS.includes(form);
  let u = prefs.forms[form] + 0.3 * prefs.decision;
  if (troops) {
    u += prefs.deploy + 0.5 * prefs.speed + 0.5 * prefs.lead;
    if ((view.proposal?.contingents[me.state] ?? 0) > 0) u += prefs.ownTroops;
    // Others weigh the evidence: a framing stronger than the facts is a risk to them.
    if (me.state !== view.scenario.host) u -= 0.6 * overclaim(view);
    u += 0.5 * (view.tracks.severity - 5);
  } else {
    u -= 0.3 * Math.max(0, prefs.deploy);
    if (me.state !== view.scenario.host) u += 0.3 * Math.max(0, -prefs.deploy);
  }
  return u;
}

export function stanceFor(ctx: Ctx, u: number): Stance {
  const isHost = ctx.me.state === ctx.view.scenario.host;
  if (u >= ctx.temperament.endorseAt || (isHost && u > ctx.temperament.objectAt)) return "endorse";
  return u <= ctx.temperament.objectAt ? "object" : "standAside";
}

/** Judges a text once: the same terms get the same stance in consultations and in the vote. */
export function judge(ctx: Ctx, proposal: NonNullable<SeatView["proposal"]>): { u: number; stance: Stance } {
  const key = `${proposal.form}:${proposal.basis}:${proposal.timeLimitDays}:${proposal.tasks.join("+")}`;
  let judgement = ctx.memory.judged.get(key);
  if (!judgement) {
    const u = utility(ctx, proposal.form) + noise(ctx) / 4;
    judgement = { u, stance: stanceFor(ctx, u) };
    ctx.memory.judged.set(key, judgement);
  }
  return judgement;
}
