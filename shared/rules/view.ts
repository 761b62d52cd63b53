/**
 * The only ways information leaves a game: `view(state, seat)` for a player and `spectatorView` for
 * everyone else. Public fields are shared by reference (states are never mutated); private ones are
 * added for their owner only. The seed, the RNG state and other seats' briefs never appear here.
 */
import type { LocalizedText, Playbook, Objective } from "../scenarios/schema.ts";
import { deputyOf, leaderOf } from "./phases/handler.ts";
import { outcomeOf, type GameOutcome } from "./outcome.ts";
import { forecastSitting, type SittingForecast } from "./phases/approvals.ts";
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

export function spectatorView(s: GameState): PublicView {
  const sc = s.scenario;
  const approvals: Partial<Record<StateId, PublicApproval>> = {};
  for (const t of Object.values(s.approvals)) {
    if (!t) continue;
    const { deputyVotes, ...rest } = t;
    approvals[t.state] = {
      ...rest,
      deputyVotesCast: Object.keys(deputyVotes).length,
      body: procedureOf(s, t.state)?.body ?? { en: t.state, ru: t.state },
      forecast: t.status === "pending" || t.status === "failed" ? forecastSitting(s, t) : null,
    };
  }
  return {
    version: s.version,
    scenario: {
      id: sc.id,
      title: sc.title,
      date: sc.date,
      members: sc.members,
      host: sc.host,
      chair: sc.chair,
      leaders: sc.leaders,
      situation: sc.situation,
      evidence: sc.evidence,
      forces: sc.forces,
      longMissionDays: sc.longMissionDays,
    },
    phase: s.phase,
    clock: s.clock,
    phaseStartedAt: s.phaseStartedAt,
    tracks: s.tracks,
    ready: s.ready,
    informalAppeals: s.informalAppeals,
    appeal: s.appeal,
    bilateralResponse: s.bilateralResponse,
    proposal: s.proposal,
    positions: s.positions,
    sessionRequests: s.sessionRequests,
    round: s.round,
    format: s.format,
    votes: s.votes,
    refusedToSign: s.refusedToSign,
    decision: s.decision,
    approvals,
    contingents: s.contingents,
    missionDays: s.missionDays,
    pressedToLeave: s.pressedToLeave,
    timeline: s.timeline,
    ended: s.ended,
    debrief: s.ended
      ? {
          ...outcomeOf(s),
          history: sc.historical,
          questions: sc.questions,
          sources: sc.sources,
          instructions: s.instructions,
          trackHistory: s.trackHistory,
        }
      : null,
  };
}

export function view(s: GameState, seat: Seat): SeatView {
  const pub = spectatorView(s);
  const leader = leaderOf(s, seat);
  if (leader) {
    const brief = s.scenario.briefs[leader];
    return {
      ...pub,
      seat,
      private: brief
        ? {
            role: "leader",
            state: leader,
            brief: brief.text,
            capital: s.capital[leader] ?? 0,
            objectives: brief.objectives,
            playbook: brief.playbook,
            instructions: s.instructions[leader] ?? [],
          }
        : null,
    };
  }
  const deputyState = deputyOf(s, seat);
  if (deputyState) {
    const votes = s.approvals[deputyState]?.deputyVotes ?? {};
    return {
      ...pub,
      seat,
      private: { role: "deputy", state: deputyState, vote: votes[seat as keyof typeof votes] ?? null },
    };
  }
  return { ...pub, seat, private: null };
}
