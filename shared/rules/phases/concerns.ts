/**
 * Negotiation over the text on the table (docs/game.md, "Negotiation"): an objection or a
 * stand-aside may name the parts of the proposal it is about, and whoever tabled the text, or the
 * chair, answers — by amending it (`propose`) or by saying why not (`answerConcerns`).
 */
import type { ActionOf } from "../actions.ts";
import { ruleError, type RuleError } from "../errors.ts";
import { advanceClock, log } from "../mechanics.ts";
import type { Concerns, GameState } from "../state.ts";
import type { StateId } from "../vocabulary.ts";
import { leaderIn, type Handler } from "./handler.ts";

type Stated = Pick<ActionOf<"position">, "concerns" | "pledgeOf" | "note">;

/** The concerns an action states, checked against the text; undefined when it states none. */
export function statedConcerns(
  state: GameState,
  stance: string,
  action: Stated,
): { concerns?: Omit<Concerns, "atHour" | "answered"> } | RuleError {
  const points = action.concerns ?? [];
  if (points.length === 0 && action.note === undefined && action.pledgeOf === undefined) return {};
  if (stance !== "object" && stance !== "standAside")
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "concerns" });
  const pledged = state.proposal?.contingents ?? {};
  if (action.pledgeOf !== undefined && (!points.includes("pledge") || !pledged[action.pledgeOf]))
    return ruleError("ERR_INCONSISTENT_TERMS", { field: "pledgeOf" });
  return {
    concerns: {
      stance,
      points: [...points],
      ...(action.pledgeOf ? { pledgeOf: action.pledgeOf } : {}),
      ...(action.note ? { note: action.note } : {}),
    },
  };
}

const sameConcerns = (a: Concerns | undefined, b: Omit<Concerns, "atHour" | "answered"> | undefined) =>
  (a?.points.join() ?? "") === (b?.points.join() ?? "") && a?.pledgeOf === b?.pledgeOf && a?.note === b?.note;

/**
 * Records what a member said about the text: its concerns replace any it stated before, and an
 * endorsement (or a vote in support) clears them. Returns whether anything changed.
 */
export function recordConcerns(
  state: GameState,
  id: StateId,
  stated: Omit<Concerns, "atHour" | "answered"> | undefined,
): boolean {
  const before = state.concerns[id];
  if (sameConcerns(before, stated) && (before === undefined) === (stated === undefined)) return false;
  const { [id]: _previous, ...others } = state.concerns;
  state.concerns = stated ? { ...others, [id]: { ...stated, atHour: state.clock, answered: false } } : others;
  return true;
}

/** The log's parameters for stated concerns: the parts as a list of terms, the pledge's state, the note. */
export function concernParams(stated: Omit<Concerns, "atHour" | "answered"> | undefined) {
  if (!stated) return {};
  return {
    concerns: stated.points.join(", "),
    ...(stated.pledgeOf ? { pledgeOf: stated.pledgeOf } : {}),
    ...(stated.note ? { note: stated.note } : {}),
  };
}

/** Members whose concerns about the current text still wait for an answer. */
export function unansweredConcerns(state: GameState): StateId[] {
  return (Object.entries(state.concerns) as [StateId, Concerns][])
    .filter(([, concerns]) => !concerns.answered)
    .map(([id]) => id);
}

export const answerConcerns: Handler<"answerConcerns"> = {
  guard(state, seat) {
    const error = leaderIn(["consultations"], state, seat);
    if (error) return error;
    const proposal = state.proposal;
    if (!proposal) return ruleError("ERR_NO_PROPOSAL");
    if (seat !== proposal.by && seat !== state.scenario.chair) return ruleError("ERR_NOT_YOUR_ROLE");
    return unansweredConcerns(state).length > 0 ? undefined : ruleError("ERR_NOTHING_TO_DO");
  },
  run(state, seat, action) {
    const concerns = state.concerns[action.to];
    if (!concerns || concerns.answered) return ruleError("ERR_NOTHING_TO_DO");
    state.concerns = { ...state.concerns, [action.to]: { ...concerns, answered: true } };
    const params = { to: action.to, ...(action.note ? { note: action.note } : {}) };
    log(state, seat, "log.answerConcerns", params, action.reason);
    advanceClock(state, 0.5);
    return undefined;
  },
};
