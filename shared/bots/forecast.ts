/**
 * How the bots are likely to react to what a human seat is about to say in consultations. For each
 * stance and each part of the text the seat could object to now, the objection is applied to a copy
 * of the game (the rules' `apply`: the game itself is never touched) and whoever must answer it — the
 * proposer, or else the chair, when a bot plays that seat — is asked what it would do next, by a fresh
 * bot of its kind (`createBot`), so no live bot's memory or random draws are used up. Computed on the
 * server, where the bots and the full state are; the seat's private view carries the result, and the
 * coach says it in words. Pure and deterministic.
 */
import type { Action, ProposalTerms } from "../rules/actions.ts";
import { apply } from "../rules/apply.ts";
import { legalActions } from "../rules/legal.ts";
import { resolveReason } from "../rules/mechanics.ts";
import type { GameState, Seat } from "../rules/state.ts";
import { view } from "../rules/view.ts";
import type { BotKind, Concern, Stance, StateId } from "../rules/vocabulary.ts";
import type { Bot } from "./bot.ts";
import { createBot } from "./index.ts";
import { partsToName, type Forecast, type TermChange } from "./negotiation.ts";

/** Moves of the answering bot looked at, at most: it may first settle its own pledge or another's concerns. */
const LOOKAHEAD = 4;

function changesOf(before: ProposalTerms, after: ProposalTerms): TermChange[] {
  const tasks = (terms: ProposalTerms) => [...terms.tasks].sort().join();
  const out: TermChange[] = [];
  if (before.basis !== after.basis) out.push("basis");
  if (before.form !== after.form) out.push("form");
  if (tasks(before) !== tasks(after)) out.push("tasks");
  if (before.timeLimitDays !== after.timeLimitDays) out.push("timeLimit");
  return out;
}

type Reaction = Omit<Forecast, "stance" | "concern" | "pledgeOf" | "by">;

/** The reason as the timeline would log it (a historical bot's names a step the rules resolve). */
const withReason = (state: GameState, by: StateId, action: Action): Pick<Forecast, "reason"> =>
  "reason" in action && action.reason ? { reason: resolveReason(state, by, action.reason) } : {};

/** What `bot`, playing `by`, does about `seat` in the next few moves it would make on its own. */
function reactionOf(start: GameState, seat: StateId, by: StateId, bot: Bot): Reaction {
  let state = start;
  for (let step = 0; step < LOOKAHEAD; step++) {
    const legal = legalActions(state, by);
    if (legal.length === 0) break;
    const action = bot.act(view(state, by), legal);
    if (!action) break;
    if (action.type === "propose" && state.proposal) {
      const changes = changesOf(state.proposal, action.terms);
      return { reaction: "amend", changes, terms: action.terms, ...withReason(state, by, action) };
    }
    if (action.type === "answerConcerns" && action.to === seat)
      return { reaction: "answer", ...withReason(state, by, action) };
    if (action.type === "callVote") return { reaction: "callVote", ...withReason(state, by, action) };
    // Something else first (its own pledge, another member's concerns): play it and look again.
    const result = apply(state, by, action);
    if (!result.ok || result.state.phase !== "consultations") break;
    state = result.state;
  }
  return { reaction: "none" };
}

/** What the seat could say now: each stance, and an objection over each part of the text, one at a time. */
function hypotheses(
  state: GameState,
  me: StateId,
): { stance: Stance; concern?: Concern; pledgeOf?: StateId }[] {
  const bare = (["endorse", "standAside", "object"] as const).map((stance) => ({ stance }));
  const named = partsToName(state, me).map((part) => ({ stance: "object" as const, ...part }));
  return [...bare, ...named];
}

/**
 * The forecasts for `seat` now: empty unless it is a leader in consultations with a text on the table
 * and a bot (`botFor` gives the kind playing a seat, if any) holds the proposer's or the chair's seat.
 * `create` makes the fresh bot (tests pass their own).
 */
export function forecastReactions(
  state: GameState,
  seat: Seat,
  botFor: (seat: StateId) => BotKind | null | undefined,
  create: (kind: BotKind, seed: string) => Bot = createBot,
): Forecast[] {
  const proposal = state.proposal;
  if (state.ended || state.phase !== "consultations" || !proposal) return [];
  const me = state.scenario.members.find((member) => member === seat);
  if (!me) return [];
  const by = [proposal.by, state.scenario.chair].find((id) => id !== me && botFor(id));
  const kind = by && botFor(by);
  if (!by || !kind) return [];
  const seed = `${state.seed}:${by}`;
  // What the bot would do anyway: an amendment it would make whatever this seat says is no reaction.
  const anyway = JSON.stringify(reactionOf(state, me, by, create(kind, seed)));
  const out: Forecast[] = [];
  for (const said of hypotheses(state, me)) {
    const { concern, pledgeOf } = said;
    const action: Action = {
      type: "position",
      stance: said.stance,
      ...(concern ? { concerns: [concern] } : {}),
      ...(pledgeOf ? { pledgeOf } : {}),
    };
    const result = apply(state, me, action);
    if (!result.ok) continue;
    const reaction = reactionOf(result.state, me, by, create(kind, seed));
    const caused = reaction.reaction !== "amend" || JSON.stringify(reaction) !== anyway;
    out.push({ ...said, by, ...(caused ? reaction : { reaction: "none" }) });
  }
  return out;
}

export type { Forecast, ForecastReaction, TermChange } from "./negotiation.ts";
