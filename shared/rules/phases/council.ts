/** The council vote on the proposal (docs/game.md, "Council vote"): one objection blocks. */
import type { ProposalTerms } from "../actions.ts";
import { ruleError } from "../errors.ts";
import { overclaim } from "../framing.ts";
import { addStanding, addTrack, finish, fireEvents, log } from "../mechanics.ts";
import type { GameState } from "../state.ts";
import { TROOP_FORMS, type StateId } from "../vocabulary.ts";
import { concernParams, recordConcerns, statedConcerns } from "./concerns.ts";
import { enterApprovals, enterConsultations, FORMAT_MAX_ROUNDS } from "./entry.ts";
import { leaderIn, type Handler } from "./handler.ts";
import { groundWithoutAirlift } from "./airlift.ts";
import { endIfNoneLeft } from "./approvals.ts";

export const vote: Handler<"vote"> = {
  guard: (state, seat) =>
    leaderIn(["council"], state, seat) ??
    (state.votes[seat as StateId] ? ruleError("ERR_ALREADY_DONE") : undefined),
  run(state, seat, action) {
    const id = seat as StateId;
    if (action.refuseToSign && action.choice === "object")
      return ruleError("ERR_INCONSISTENT_TERMS", { field: "refuseToSign" });
    // An objection in the vote may say why: a blocked round takes its concerns back to consultations.
    const stated = statedConcerns(state, action.choice, action);
    if ("code" in stated) return stated;
    recordConcerns(state, id, stated.concerns);
    state.votes[id] = action.choice;
    if (action.refuseToSign) state.refusedToSign.push(id);
    log(
      state,
      seat,
      stated.concerns ? `log.vote.${action.choice}Over` : `log.vote.${action.choice}`,
      { refuseToSign: action.refuseToSign ? 1 : 0, ...concernParams(stated.concerns) },
      action.reason,
    );
    if (state.scenario.members.every((member) => state.votes[member])) tally(state);
    return undefined;
  },
};

/** The timer ended the round: whoever has not voted stands aside. */
export function councilTimeout(state: GameState): void {
  for (const member of state.scenario.members) state.votes[member] ??= "standAside";
  tally(state);
}

/** One objection blocks; standing aside does not; the affected state must support. */
export function councilPasses(votes: GameState["votes"], host: StateId): boolean {
  return votes[host] === "support" && !Object.values(votes).includes("object");
}

function tally(state: GameState): void {
  const proposal = state.proposal;
  if (!proposal) return;
  const host = state.scenario.host;
  if (!councilPasses(state.votes, host)) {
    const format = state.format ?? "video";
    log(state, "system", "log.blocked", { round: state.round });
    if (state.round >= FORMAT_MAX_ROUNDS[format]) finish(state, "noDecision");
    else enterConsultations(state);
    return;
  }
  const terms: ProposalTerms = {
    basis: proposal.basis,
    form: proposal.form,
    tasks: [...proposal.tasks],
    timeLimitDays: proposal.timeLimitDays,
  };
  const troops = TROOP_FORMS.includes(proposal.form);
  state.decision = {
    passed: true,
    round: state.round,
    atHour: state.clock,
    terms,
    // Standing aside means taking no part: only the states that support send their pledges.
    contingents: troops ? supportersOnly(proposal.contingents, state.votes) : {},
    votes: { ...state.votes },
    refusedToSign: [...state.refusedToSign],
  };
  log(state, "system", "log.decision", { form: proposal.form, round: state.round });
  decisionEffects(state, troops);
  fireEvents(state, "decision", false);
  if (troops && Object.keys(state.decision.contingents).length > 0) {
    enterApprovals(state, state.decision.contingents, false);
    // A contingent whose airlifter sends none stays home (airlift.ts).
    groundWithoutAirlift(state);
    endIfNoneLeft(state);
  } else finish(state, troops ? "noContingents" : "nonTroopDecision");
}

function supportersOnly(
  contingents: Partial<Record<StateId, number>>,
  votes: GameState["votes"],
): Partial<Record<StateId, number>> {
  const kept: Partial<Record<StateId, number>> = {};
  for (const [id, n] of Object.entries(contingents) as [StateId, number][])
    if (votes[id] === "support") kept[id] = n;
  return kept;
}

/** What a passed decision does to the public tracks (docs/game.md, "Tracks"). */
function decisionEffects(state: GameState, troops: boolean): void {
  const formal = state.appeal?.channel === "formal";
  const claim = overclaim(state);
  if (formal) addTrack(state, "credibility", troops ? 2 : 1);
  if (troops) {
    // Acting on a weak framing lifts credibility a little now and costs legitimacy.
    if (claim > 2) addTrack(state, "credibility", 0.5);
    addTrack(state, "legitimacy", 0.5 - 0.3 * claim);
    if (state.decision?.terms.tasks.includes("restoreOrder")) addTrack(state, "legitimacy", -1);
  }
  for (const id of state.refusedToSign) {
    addTrack(state, "credibility", -0.5);
    addStanding(state, id, 0.5);
  }
}
