/**
 * Negotiation's shared words for the coach (client side) and the forecast (server side): the parts of
 * the text on the table a member can name, and what a forecast of a bot's reaction says.
 */
import type { Message, ProposalTerms } from "../rules/actions.ts";
import type { Appeal, Proposal } from "../rules/state.ts";
import type { Concern, Stance, StateId } from "../rules/vocabulary.ts";

/** A part of the text an objection or a stand-aside can name: a concern, `pledge` with whose. */
export interface NamedPart {
  concern: Concern;
  pledgeOf?: StateId;
}

/**
 * The parts of the text on the table a member can name now: its basis, form, tasks and time limit,
 * each other state's pledge (one part per state that pledged; a member changes its own by pledging),
 * and the request's framing if it has one.
 */
export function partsToName(
  table: { proposal: Proposal | null; appeal: Appeal | null },
  me?: StateId,
): NamedPart[] {
  if (!table.proposal) return [];
  const pledged = (Object.entries(table.proposal.contingents) as [StateId, number][])
    .filter(([state, troops]) => troops > 0 && state !== me)
    .map(([state]): NamedPart => ({ concern: "pledge", pledgeOf: state }));
  const framing: NamedPart[] = table.appeal?.framing ? [{ concern: "framing" }] : [];
  return [
    { concern: "basis" },
    { concern: "form" },
    ...(table.proposal.tasks.length > 0 ? [{ concern: "tasks" as const }] : []),
    { concern: "timeLimit" },
    ...pledged,
    ...framing,
  ];
}

/** What the answering bot does next: amends the text, answers without changing it, calls the vote, or nothing. */
export type ForecastReaction = "amend" | "answer" | "callVote" | "none";

/** A part of the text an amendment changes (the concerns it can meet; pledges are each state's own). */
export type TermChange = "basis" | "form" | "tasks" | "timeLimit";

export interface Forecast {
  /** What this seat would say: a stance, and the one part of the text it names (none: the bare stance). */
  stance: Stance;
  concern?: Concern;
  pledgeOf?: StateId;
  /** Whose bot answers: the proposer's, or the chair's. */
  by: StateId;
  reaction: ForecastReaction;
  /** amend: the parts it changes and the new terms. */
  changes?: TermChange[];
  terms?: ProposalTerms;
  /** The bot's stated reason for its reaction, if it gives one. */
  reason?: Message;
}
