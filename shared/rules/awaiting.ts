/**
 * Whom the game waits on: the seats that still have a decision to make in the current phase
 * (docs/game.md, "Turn discipline"). The room holds a bot move that would end the phase while a
 * person holds one of these seats, and every client shows whom the table waits for. Pure: it reads
 * the state only, and each seat it names has a legal action that answers what it is awaited for.
 */
import { legalActions } from "./legal.ts";
import { unansweredConcerns } from "./phases/concerns.ts";
import { deputySeats, type GameState, type Seat } from "./state.ts";
import type { ActionType } from "./actions.ts";
import type { StateId } from "./vocabulary.ts";

/** A seat, and the actions any one of which is the decision it is awaited for. */
type Candidate = [Seat, readonly ActionType[]];

const APPROVAL_ANSWERS: readonly ActionType[] = ["submitApproval", "withdrawPledge"];

/** Leaders whose own approval needs them, and human deputies of an open sitting who have not voted. */
function approvalCandidates(state: GameState): Candidate[] {
  const out: Candidate[] = [];
  for (const id of state.scenario.members) {
    const track = state.approvals[id];
    if (!track) continue;
    // Pending: send the pledge to its procedure; failed: a re-vote, or keep the contingent home.
    if (track.status === "pending" || track.status === "failed") out.push([id, APPROVAL_ANSWERS]);
    if (track.status === "voting")
      for (const deputy of deputySeats(state, id))
        if (!track.deputyVotes[deputy]) out.push([deputy, ["deputyVote"]]);
  }
  return out;
}

function consultationCandidates(state: GameState): Candidate[] {
  const chair: Candidate = [state.scenario.chair, ["callVote", "propose"]];
  const proposal = state.proposal;
  // Nothing on the table: the chair opens the floor (any leader may table a text; none is awaited).
  if (!proposal) return [chair];
  // Concerns wait for an answer: whoever tabled the text amends it or says why not.
  const answer: Candidate[] =
    unansweredConcerns(state).length > 0 ? [[proposal.by, ["answerConcerns", "propose"]]] : [];
  const silent = state.scenario.members.filter(
    (id) => id !== proposal.by && state.positions[id] === undefined,
  );
  // Everyone has spoken on this text: the chair decides what comes next (the vote, or a new text).
  if (silent.length === 0) return [...answer, chair];
  return [...answer, ...silent.map((id): Candidate => [id, ["position"]])];
}

function candidates(state: GameState): Candidate[] {
  const { members, host } = state.scenario;
  switch (state.phase) {
    case "briefing":
      return members.filter((id) => !state.ready.includes(id)).map((id) => [id, ["ready"]]);
    case "appeal":
      // Only the host decides how to ask; an informal appeal by another leader is optional.
      return [[host, ["requestAssistance"]]];
    case "bilateral": {
      const target = state.appeal?.target;
      return target ? [[target, ["respondBilateral"]]] : [];
    }
    case "consultations":
      return consultationCandidates(state);
    case "council":
      return members.filter((id: StateId) => state.votes[id] === undefined).map((id) => [id, ["vote"]]);
    case "approvals":
      return approvalCandidates(state);
    case "deployment":
      return [[host, ["missionDay"]], ...approvalCandidates(state)];
    case "debrief":
      return [];
  }
}

/** The seats that still have a decision to make in the current phase, in the scenario's order. */
export function awaitedSeats(state: GameState): Seat[] {
  if (state.ended) return [];
  const out: Seat[] = [];
  for (const [seat, answers] of candidates(state)) {
    if (out.includes(seat)) continue;
    const legal = legalActions(state, seat);
    if (legal.some((entry) => answers.includes(entry.type))) out.push(seat);
  }
  return out;
}
