/**
 * The game state: plain data, with its version and RNG state inside. The scenario is held by
 * reference (it is frozen and shared by every game that plays it); everything else is copied on
 * each transition, so no input is ever mutated.
 */
import type { Message, ProposalTerms } from "./actions.ts";
import type { LocalizedText, Scenario } from "../scenarios/schema.ts";
import { procedureFor, type Procedure } from "./procedures.ts";
import type {
  AppealChannel,
  Article,
  Concern,
  DeputyVote,
  Form,
  Framing,
  Phase,
  Stance,
  StateId,
  VoteChoice,
  VoteFormat,
} from "./vocabulary.ts";

/** Bump when a rule changes the outcome of a logged game; records carry it. */
export const RULES_VERSION = 5;

/** A leader seat is its state's id; a deputy seat is `KG.d1`; the room clock is `system`. */
export type LeaderSeat = StateId;
export type DeputySeat = `${StateId}.d${number}`;
export type Seat = LeaderSeat | DeputySeat | "system";

export interface SeatsConfig {
  /** Human deputy seats per state; the approval model draws the votes of the rest. */
  deputies?: Partial<Record<StateId, number>>;
}

export interface Tracks {
  severity: number;
  credibility: number;
  legitimacy: number;
  sovereignty: number;
  standing: Partial<Record<StateId, number>>;
}

export interface Appeal {
  channel: AppealChannel;
  article?: Article;
  framing?: Framing;
  target?: StateId;
  atHour: number;
}

export interface Proposal extends ProposalTerms {
  by: StateId;
  /** Troops pledged per state; only troop forms carry pledges. */
  contingents: Partial<Record<StateId, number>>;
}

/**
 * A member's stated concerns about the text on the table: the parts it objects to (or stands aside
 * over), whose pledge, and the person's own line. They last until the text changes or the member
 * changes its mind; a blocked vote carries them back into consultations.
 */
export interface Concerns {
  stance: "object" | "standAside";
  points: Concern[];
  pledgeOf?: StateId;
  note?: string;
  atHour: number;
  /** The proposer or the chair has answered them without changing the text. */
  answered: boolean;
}

export interface Decision {
  passed: boolean;
  round: number;
  atHour: number;
  terms: ProposalTerms;
  contingents: Partial<Record<StateId, number>>;
  votes: Partial<Record<StateId, VoteChoice>>;
  refusedToSign: StateId[];
}

export interface Sitting {
  present: number;
  yes: number;
  no: number;
  abstain: number;
  needed: number;
  quorum: number;
  result: "passed" | "failed" | "noQuorum";
  atHour: number;
}

export interface ApprovalTrack {
  state: StateId;
  troops: number;
  /** Mission is too long for standing consent, or the procedure is a vote. */
  needsVote: boolean;
  status: "pending" | "voting" | "passed" | "failed" | "withdrawn";
  sittings: Sitting[];
  /** Hour at which this state's procedure last moved. */
  clock: number;
  lobbying: number;
  /** Votes of human deputies in the open sitting. */
  deputyVotes: Partial<Record<DeputySeat, DeputyVote>>;
  /** Troops left before consent (Tajikistan may do this). */
  movedEarly: boolean;
  /** When the pledge was first sent to its procedure. */
  submittedAt: number | null;
}

export interface Contingent {
  state: StateId;
  troops: number;
  arrivesAtHour: number;
  /** Under a bilateral answer, outside the CSTO. */
  bilateral: boolean;
  withdrawn: boolean;
}

export interface TimelineEntry {
  hour: number;
  phase: Phase;
  seat: Seat;
  /** What happened, translatable. */
  message: Message;
  /** The bot's or player's stated reason, when given. */
  reason?: Message;
}

export interface Instruction {
  hour: number;
  text: LocalizedText;
}

/** The public tracks at one moment (the debrief draws them over time). */
export interface TrackPoint {
  hour: number;
  severity: number;
  credibility: number;
  legitimacy: number;
  sovereignty: number;
}

export interface GameState {
  rulesVersion: number;
  /** Increments with every accepted action; clients send it back to detect stale input. */
  version: number;
  scenario: Scenario;
  seed: string;
  rng: number;
  seats: SeatsConfig;
  phase: Phase;
  /** In-game hours since the crisis began. */
  clock: number;
  /** When the current phase began (in-game hours). */
  phaseStartedAt: number;
  tracks: Tracks;
  /** Private per leader. */
  capital: Partial<Record<StateId, number>>;
  ready: StateId[];
  informalAppeals: StateId[];
  appeal: Appeal | null;
  bilateralResponse: { response: "decline" | "referToAlliance" | "assist"; troops: number } | null;
  proposal: Proposal | null;
  positions: Partial<Record<StateId, Stance>>;
  /** Members' concerns about the current text, public (the proposer sees them listed). */
  concerns: Partial<Record<StateId, Concerns>>;
  sessionRequests: StateId[];
  /** The council round in progress or last held (1-based), and its format. */
  round: number;
  format: VoteFormat | null;
  votes: Partial<Record<StateId, VoteChoice>>;
  refusedToSign: StateId[];
  decision: Decision | null;
  approvals: Partial<Record<StateId, ApprovalTrack>>;
  contingents: Contingent[];
  /** Days the mission has run since the first arrival. */
  missionDays: number;
  pressedToLeave: StateId[];
  firedEvents: string[];
  /** Secret instructions a facilitator gave a leader (private to that leader until the debrief). */
  instructions: Partial<Record<StateId, Instruction[]>>;
  timeline: TimelineEntry[];
  /** The public tracks each time they changed. */
  trackHistory: TrackPoint[];
  /** Set when the game reaches the debrief. */
  ended: { reason: EndReason; atHour: number } | null;
  /** In a campaign: what the crises before this one passed on (null outside a campaign, or first). */
  carry: CampaignCarry | null;
}

/** What a campaign carries from one crisis into the next (shared/rules/campaign.ts). */
export interface CampaignCarry {
  credibility: number;
  /** Per state: how badly the alliance has treated it so far (0 = no complaint). */
  grievances: Partial<Record<StateId, number>>;
  /** The crises played before this one, in order: the campaign's debrief sums them up. */
  past?: PastCrisis[];
}

/** How one earlier crisis of the campaign ended, beside its history. */
export interface PastCrisis {
  scenarioId: string;
  title: LocalizedText;
  endReason: EndReason;
  form: Form | "none";
  deployed: boolean;
  crisisLost: boolean;
  /** It ended as history did (the simulator's historical match). */
  asHistory: boolean;
  /** The alliance's credibility when it ended, carried into the next crisis. */
  credibility: number;
  allianceResult: number;
}

export type EndReason =
  | "noRequest"
  | "declined"
  | "noDecision"
  | "nonTroopDecision"
  | "missionEnded"
  | "noContingents"
  | "crisisLost"
  | "requestWithdrawn";

/** The leaders' seats, in the scenario's order. */
export function leaders(state: GameState): readonly StateId[] {
  return state.scenario.members;
}

export function procedureOf(state: GameState, id: StateId): Procedure | undefined {
  return procedureFor(id, state.scenario.date);
}

export function deputySeats(state: GameState, id: StateId): DeputySeat[] {
  const n = state.seats.deputies?.[id] ?? 0;
  return Array.from({ length: n }, (_, i): DeputySeat => `${id}.d${i + 1}`);
}

/**
 * A copy deep enough that a transition can change any field without touching its input.
 * Hand-written rather than structuredClone: it skips the frozen scenario and is far faster.
 */
export function cloneState(state: GameState): GameState {
  const approvals: Partial<Record<StateId, ApprovalTrack>> = {};
  for (const [id, track] of Object.entries(state.approvals) as [StateId, ApprovalTrack][]) {
    approvals[id] = { ...track, sittings: [...track.sittings], deputyVotes: { ...track.deputyVotes } };
  }
  return {
    ...state,
    seats: { deputies: { ...state.seats.deputies } },
    tracks: { ...state.tracks, standing: { ...state.tracks.standing } },
    capital: { ...state.capital },
    ready: [...state.ready],
    informalAppeals: [...state.informalAppeals],
    appeal: state.appeal && { ...state.appeal },
    bilateralResponse: state.bilateralResponse && { ...state.bilateralResponse },
    proposal: state.proposal && {
      ...state.proposal,
      tasks: [...state.proposal.tasks],
      contingents: { ...state.proposal.contingents },
    },
    positions: { ...state.positions },
    concerns: { ...state.concerns },
    sessionRequests: [...state.sessionRequests],
    votes: { ...state.votes },
    refusedToSign: [...state.refusedToSign],
    decision: state.decision && {
      ...state.decision,
      terms: { ...state.decision.terms, tasks: [...state.decision.terms.tasks] },
      contingents: { ...state.decision.contingents },
      votes: { ...state.decision.votes },
      refusedToSign: [...state.decision.refusedToSign],
    },
    approvals,
    contingents: state.contingents.map((contingent) => ({ ...contingent })),
    pressedToLeave: [...state.pressedToLeave],
    firedEvents: [...state.firedEvents],
    instructions: { ...state.instructions },
    timeline: [...state.timeline],
    trackHistory: state.trackHistory,
    ended: state.ended && { ...state.ended },
    carry: state.carry,
  };
}
