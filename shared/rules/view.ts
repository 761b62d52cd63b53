/**
 * The only ways information leaves a game: `view(state, seat)` for a player and `spectatorView` for
 * everyone else. Public fields are shared by reference (states are never mutated); private ones are
 * added for their owner only. The seed, the RNG state and other seats' briefs never appear here.
 */
import type { LocalizedText, Playbook, Objective } from "../scenarios/schema.ts";
import { deputyOf, leaderOf } from "./phases/handler.ts";
import { outcomeOf, type GameOutcome } from "./outcome.ts";
import { forecastSitting, type SittingForecast } from "./phases/chamber.ts";
import { procedureOf, type ApprovalTrack, type GameState, type Instruction, type Seat } from "./state.ts";
import type { DeputyVote, StateId } from "./vocabulary.ts";

export type PublicApproval = Omit<ApprovalTrack, "deputyVotes"> & {
  deputyVotesCast: number;
  body: LocalizedText;
  /** The model's expectation for the next sitting of a chamber vote still to come. */
  forecast: SittingForecast | null;
};

export interface PublicView {
  version: number;
  scenario: {
    id: string;
    title: LocalizedText;
    date: string;
    members: readonly StateId[];
    host: StateId;
    chair: StateId;
    leaders: GameState["scenario"]["leaders"];
    situation: LocalizedText;
    /** Where the crisis is: the map's marker and sites (public: it is in the news). */
    location: GameState["scenario"]["location"];
    /** How well the facts support each framing (public: anyone can read the news). */
    evidence: GameState["scenario"]["evidence"];
    forces: GameState["scenario"]["forces"];
    longMissionDays: number;
  };
  phase: GameState["phase"];
  clock: number;
  phaseStartedAt: number;
  tracks: GameState["tracks"];
  ready: readonly StateId[];
  informalAppeals: readonly StateId[];
  appeal: GameState["appeal"];
  bilateralResponse: GameState["bilateralResponse"];
  proposal: GameState["proposal"];
  positions: GameState["positions"];
  concerns: GameState["concerns"];
  sessionRequests: readonly StateId[];
  round: number;
  format: GameState["format"];
  votes: GameState["votes"];
  refusedToSign: readonly StateId[];
  decision: GameState["decision"];
  approvals: Partial<Record<StateId, PublicApproval>>;
  contingents: GameState["contingents"];
  missionDays: number;
  pressedToLeave: readonly StateId[];
  timeline: GameState["timeline"];
  ended: GameState["ended"];
  /** In a campaign: what the crises before carried into this one, and how they ended. */
  carry: GameState["carry"];
  /** Once the game has ended: the debrief, with every score and the history beside it. */
  debrief:
    | (GameOutcome & {
        history: GameState["scenario"]["historical"];
        questions: GameState["scenario"]["questions"];
        sources: GameState["scenario"]["sources"];
        /** The facilitator's secret instructions, revealed at the end. */
        instructions: GameState["instructions"];
        /** The public tracks over the whole game. */
        trackHistory: GameState["trackHistory"];
      })
    | null;
}

export interface LeaderPrivate {
  role: "leader";
  state: StateId;
  brief: LocalizedText;
  capital: number;
  objectives: readonly Objective[];
  /** What the real actor did; the historical bot plays it. */
  playbook: Playbook;
  /** Secret instructions from the facilitator. */
  instructions: readonly Instruction[];
}

export interface DeputyPrivate {
  role: "deputy";
  state: StateId;
  /** This deputy's vote in the open sitting, if cast. */
  vote: DeputyVote | null;
}

export interface SeatView extends PublicView {
  seat: Seat;
  private: LeaderPrivate | DeputyPrivate | null;
}

export function spectatorView(state: GameState): PublicView {
  const scenario = state.scenario;
  const approvals: Partial<Record<StateId, PublicApproval>> = {};
  for (const track of Object.values(state.approvals)) {
    const { deputyVotes, ...rest } = track;
    approvals[track.state] = {
      ...rest,
      deputyVotesCast: Object.keys(deputyVotes).length,
      body: procedureOf(state, track.state)?.body ?? { en: track.state, ru: track.state },
      forecast:
        track.status === "pending" || track.status === "failed" ? forecastSitting(state, track) : null,
    };
  }
  return {
    version: state.version,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      date: scenario.date,
      members: scenario.members,
      host: scenario.host,
      chair: scenario.chair,
      leaders: scenario.leaders,
      situation: scenario.situation,
      location: scenario.location,
      evidence: scenario.evidence,
      forces: scenario.forces,
      longMissionDays: scenario.longMissionDays,
    },
    phase: state.phase,
    clock: state.clock,
    phaseStartedAt: state.phaseStartedAt,
    tracks: state.tracks,
    ready: state.ready,
    informalAppeals: state.informalAppeals,
    appeal: state.appeal,
    bilateralResponse: state.bilateralResponse,
    proposal: state.proposal,
    positions: state.positions,
    concerns: state.concerns,
    sessionRequests: state.sessionRequests,
    round: state.round,
    format: state.format,
    votes: state.votes,
    refusedToSign: state.refusedToSign,
    decision: state.decision,
    approvals,
    contingents: state.contingents,
    missionDays: state.missionDays,
    pressedToLeave: state.pressedToLeave,
    timeline: state.timeline,
    ended: state.ended,
    carry: state.carry,
    debrief: state.ended
      ? {
          ...outcomeOf(state),
          history: scenario.historical,
          questions: scenario.questions,
          sources: scenario.sources,
          instructions: state.instructions,
          trackHistory: state.trackHistory,
        }
      : null,
  };
}

export function view(state: GameState, seat: Seat): SeatView {
  const pub = spectatorView(state);
  const leader = leaderOf(state, seat);
  if (leader) {
    const brief = state.scenario.briefs[leader];
    return {
      ...pub,
      seat,
      private: brief
        ? {
            role: "leader",
            state: leader,
            brief: brief.text,
            capital: state.capital[leader] ?? 0,
            objectives: brief.objectives,
            playbook: brief.playbook,
            instructions: state.instructions[leader] ?? [],
          }
        : null,
    };
  }
  const deputyState = deputyOf(state, seat);
  if (deputyState) {
    const votes = state.approvals[deputyState]?.deputyVotes ?? {};
    return {
      ...pub,
      seat,
      private: { role: "deputy", state: deputyState, vote: votes[seat as keyof typeof votes] ?? null },
    };
  }
  return { ...pub, seat, private: null };
}
