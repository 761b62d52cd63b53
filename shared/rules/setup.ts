/**
 * A new game: the state a scenario starts from, with its seed, its seats and, in a campaign, what
 * the previous crisis passed on. Apart from the state types so that the campaign (which reads an
 * ended game's outcome) and the state do not import each other.
 */
import type { Scenario } from "../scenarios/schema.ts";
import { applyCarry, type CampaignCarry } from "./campaign.ts";
import { procedureFor } from "./procedures.ts";
import { seedToRng } from "./rng.ts";
import { RULES_VERSION, type GameState, type SeatsConfig } from "./state.ts";
import type { StateId } from "./vocabulary.ts";

export interface GameSetup {
  scenario: Scenario;
  seed: number | string;
  seats?: SeatsConfig;
  /** In a campaign, what the previous scenario passed on. */
  carry?: CampaignCarry | undefined;
}

/** Human deputies only for member states whose procedure is a vote, and never more than its seats. */
function deputiesWithin(
  scenario: Scenario,
  wanted: Partial<Record<StateId, number>>,
): Partial<Record<StateId, number>> {
  const out: Partial<Record<StateId, number>> = {};
  for (const [id, n] of Object.entries(wanted) as [StateId, number][]) {
    const seats = procedureFor(id, scenario.date)?.chamber?.seats ?? 0;
    const k = Math.min(Math.max(0, Math.floor(n)), seats);
    if (k > 0 && scenario.members.includes(id)) out[id] = k;
  }
  return out;
}

export function createGame({ scenario, seed, seats = {}, carry }: GameSetup): GameState {
  const capital: Partial<Record<StateId, number>> = {};
  for (const id of scenario.members) capital[id] = scenario.briefs[id]?.capital ?? 0;
  const tracks = carry
    ? applyCarry(scenario.tracks, carry)
    : { ...scenario.tracks, standing: { ...scenario.tracks.standing } };
  const { severity, credibility, legitimacy, sovereignty } = tracks;
  return {
    rulesVersion: RULES_VERSION,
    version: 0,
    scenario,
    seed: String(seed),
    rng: seedToRng(seed),
    seats: { deputies: deputiesWithin(scenario, seats.deputies ?? {}) },
    phase: "briefing",
    clock: 0,
    phaseStartedAt: 0,
    tracks,
    capital,
    ready: [],
    informalAppeals: [],
    appeal: null,
    bilateralResponse: null,
    proposal: null,
    positions: {},
    concerns: {},
    sessionRequests: [],
    round: 0,
    format: null,
    votes: {},
    refusedToSign: [],
    decision: null,
    approvals: {},
    contingents: [],
    missionDays: 0,
    pressedToLeave: [],
    firedEvents: [],
    instructions: {},
    timeline: [],
    trackHistory: [{ hour: 0, severity, credibility, legitimacy, sovereignty }],
    ended: null,
    carry: carry ?? null,
  };
}
