/**
 * Entering a phase that other phases lead to: consultations, the council vote, national approvals
 * and the deployment. Each phase module imports these, so no phase imports another. (The debrief is
 * entered by `finish` in mechanics.ts, from any phase; the appeal and the bilateral answer need no
 * more than `enterPhase`.)
 */
import { advanceClock, enterPhase, fireEvents } from "../mechanics.ts";
import type { Procedure } from "../procedures.ts";
import { procedureOf, type GameState } from "../state.ts";
import type { StateId, VoteFormat } from "../vocabulary.ts";

/** Hours a council round takes in each format, and how many rounds the format allows in all. */
export const FORMAT_HOURS: Record<VoteFormat, number> = { phone: 3, video: 8, summit: 48 };
export const FORMAT_MAX_ROUNDS: Record<VoteFormat, number> = { phone: 2, video: 3, summit: 4 };

const VOTE_KINDS: readonly Procedure["kind"][] = ["parliament", "jointSession", "upperHouse"];

export function enterConsultations(state: GameState): void {
  enterPhase(state, "consultations");
  state.positions = {};
  state.sessionRequests = [];
  fireEvents(state, "consultations", false);
}

export function enterCouncil(state: GameState, format: VoteFormat): void {
  state.round += 1;
  state.format = format;
  state.votes = {};
  state.refusedToSign = [];
  enterPhase(state, "council");
  advanceClock(state, FORMAT_HOURS[format]);
}

/**
 * Does this pledge need a chamber vote? Russia's standing consent covers short operational use;
 * a long mission, or a bilateral one (Karabakh 2020), goes to the Federation Council.
 */
export function needsVote(
  proc: Procedure | undefined,
  missionDays: number,
  longMissionDays: number,
  bilateral: boolean,
): boolean {
  if (!proc) return false;
  if (VOTE_KINDS.includes(proc.kind)) return true;
  if (proc.kind === "standingConsent") return bilateral || missionDays > longMissionDays;
  return false;
}

export function enterApprovals(
  state: GameState,
  contingents: Partial<Record<StateId, number>>,
  bilateral: boolean,
): void {
  enterPhase(state, "approvals");
  const days = state.decision?.terms.timeLimitDays ?? state.scenario.longMissionDays + 1;
  state.approvals = {};
  for (const [id, troops] of Object.entries(contingents) as [StateId, number][]) {
    if (troops <= 0) continue;
    state.approvals[id] = {
      state: id,
      troops,
      needsVote: needsVote(procedureOf(state, id), days, state.scenario.longMissionDays, bilateral),
      status: "pending",
      sittings: [],
      clock: state.clock,
      lobbying: 0,
      deputyVotes: {},
      movedEarly: false,
      submittedAt: null,
    };
  }
}

/** The first consent, given at `consentAt`: the approvals clock runs to it and the mission begins. */
export function enterDeployment(state: GameState, consentAt: number): void {
  advanceClock(state, consentAt - state.clock);
  enterPhase(state, "deployment");
  state.missionDays = 0;
}
