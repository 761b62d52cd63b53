/**
 * The debrief data, derived from an ended game: what happened, each leader's score line by line,
 * and whether the game ended as history did (docs/game.md, "Scoring").
 */
import type { Condition, HistoricalOutcome, LocalizedText } from "../scenarios/schema.ts";
import type { ApprovalTrack, EndReason, GameState } from "./state.ts";
import type { AppealChannel, Form, StateId } from "./vocabulary.ts";

export interface ScoreLine {
  objectiveId: string;
  text: LocalizedText;
  weight: number;
  met: boolean;
}

export interface ScoreCard {
  total: number;
  lines: ScoreLine[];
}

export interface GameOutcome {
  endReason: EndReason;
  channel: AppealChannel | null;
  decided: boolean;
  form: Form | "none";
  /** In-game hours from the start of the crisis to the council's decision. */
  hoursToDecision: number | null;
  /** The council decided within 24 hours of the start (false when it never decided). */
  decidedWithinDay: boolean;
  /** CSTO contingents dispatched (not counting bilateral help). */
  deployed: boolean;
  troops: Partial<Record<StateId, number>>;
  totalTroops: number;
  /** States whose national approval failed at least one sitting, in the order they failed. */
  failedApprovals: StateId[];
  firstFailedApproval: StateId | null;
  /** How each national approval ended: passed, failed, withdrawn, or still pending or voting. */
  approvals: Partial<Record<StateId, ApprovalTrack["status"]>>;
  bilateralDeployment: StateId | null;
  missionDays: number;
  refusedToSign: StateId[];
  crisisLost: boolean;
  tracks: GameState["tracks"];
  scores: Partial<Record<StateId, ScoreCard>>;
  /** The shared alliance result, 0–10. */
  allianceResult: number;
  historical: { matches: boolean; mismatches: string[] };
}

function failedInOrder(state: GameState): StateId[] {
  const fails: { id: StateId; at: number }[] = [];
  for (const track of Object.values(state.approvals)) {
    const first = track.sittings.find((sitting) => sitting.result !== "passed");
    if (first) fails.push({ id: track.state, at: first.atHour });
  }
  return fails.sort((a, b) => a.at - b.at).map((failure) => failure.id);
}

function inRange(v: number, range: { atMost?: number | undefined; atLeast?: number | undefined }): boolean {
  return (
    (range.atMost === undefined || v <= range.atMost) && (range.atLeast === undefined || v >= range.atLeast)
  );
}

/** What an ended game did, without its scores: the facts compared with history. */
export type Facts = Omit<GameOutcome, "scores" | "allianceResult" | "historical">;

/** A decision "within a day" (the historical comparison's threshold). */
const DAY_HOURS = 24;

function met(condition: Condition, facts: Facts, id: StateId): boolean {
  switch (condition.type) {
    case "track":
      return inRange(facts.tracks[condition.track], condition);
    case "standing":
      return inRange(facts.tracks.standing[id] ?? 5, condition);
    case "decision":
      return facts.decided === condition.value;
    case "form":
      return facts.decided && facts.form !== "none" && condition.forms.includes(facts.form);
    case "deployed":
      return facts.deployed === condition.value;
    case "ownTroopsAbroad":
      return (facts.troops[id] ?? 0) > 0 === condition.value;
    case "leadNation": {
      const most = Math.max(0, ...Object.values(facts.troops));
      return most > 0 && facts.troops[condition.state] === most;
    }
    case "decidedWithinHours":
      return facts.hoursToDecision !== null && facts.hoursToDecision <= condition.hours;
    case "missionDaysAtMost":
      return facts.deployed && facts.missionDays <= condition.days;
    case "formalRequest":
      return (facts.channel === "formal") === condition.value;
    case "bilateralDeployment":
      return (facts.bilateralDeployment !== null) === condition.value;
    case "crisisContained":
      return !facts.crisisLost && facts.tracks.severity < 5;
  }
}

export function outcomeOf(state: GameState): GameOutcome {
  const scenario = state.scenario;
  const troops: Partial<Record<StateId, number>> = {};
  let bilateralDeployment: StateId | null = null;
  // Only troops that reached the crisis before the game ended count as deployed.
  const end = state.ended?.atHour ?? state.clock;
  for (const contingent of state.contingents) {
    if (contingent.arrivesAtHour > end) continue;
    if (contingent.bilateral) bilateralDeployment = contingent.state;
    else troops[contingent.state] = contingent.troops;
  }
  const failedApprovals = failedInOrder(state);
  const decided = state.decision?.passed === true;
  const hoursToDecision = decided && state.decision ? state.decision.atHour : null;
  const approvals: Partial<Record<StateId, ApprovalTrack["status"]>> = {};
  for (const track of Object.values(state.approvals)) approvals[track.state] = track.status;
  const facts: Facts = {
    endReason: state.ended?.reason ?? "noDecision",
    channel: state.appeal?.channel ?? null,
    decided,
    form: decided && state.decision ? state.decision.terms.form : "none",
    hoursToDecision,
    decidedWithinDay: hoursToDecision !== null && hoursToDecision <= DAY_HOURS,
    deployed: Object.keys(troops).length > 0,
    troops,
    totalTroops: Object.values(troops).reduce((a, b) => a + b, 0),
    failedApprovals,
    firstFailedApproval: failedApprovals[0] ?? null,
    approvals,
    bilateralDeployment,
    missionDays: state.missionDays,
    refusedToSign: state.decision?.refusedToSign ?? [],
    crisisLost: state.ended?.reason === "crisisLost",
    tracks: state.tracks,
  };
  const scores: Partial<Record<StateId, ScoreCard>> = {};
  for (const id of scenario.members) {
    const lines = (scenario.briefs[id]?.objectives ?? []).map((objective) => ({
      objectiveId: objective.id,
      text: objective.text,
      weight: objective.weight,
      met: met(objective.condition, facts, id),
    }));
    scores[id] = { total: lines.reduce((n, line) => n + (line.met ? line.weight : 0), 0), lines };
  }
  const tracks = state.tracks;
  const allianceResult =
    Math.round(
      ((tracks.credibility + tracks.legitimacy + (10 - tracks.severity) + tracks.sovereignty) / 4) * 100,
    ) / 100;
  return {
    ...facts,
    scores,
    allianceResult,
    historical: compareWithHistory(scenario.historical.outcome, facts),
  };
}

/** Whether every state that went through a national approval in history did here, ending the same way. */
function sameApprovals(facts: Facts, history: HistoricalOutcome): boolean {
  const played = Object.keys(facts.approvals).sort();
  const real = Object.keys(history.approvals).sort();
  return (
    played.join() === real.join() &&
    (real as StateId[]).every((id) => facts.approvals[id] === history.approvals[id])
  );
}

/**
 * The game beside history (docs/game.md, "Scoring"): troops, the form, the first approval to fail,
 * how every approval ended, bilateral help, whether the council decided within a day (both ways),
 * and the mission's length where history sets one.
 */
export function compareWithHistory(
  history: HistoricalOutcome,
  facts: Facts,
): { matches: boolean; mismatches: string[] } {
  const mismatches: string[] = [];
  if (facts.deployed !== history.deployed) mismatches.push("deployed");
  if (facts.form !== history.form) mismatches.push("form");
  if (facts.firstFailedApproval !== history.firstFailedApproval) mismatches.push("firstFailedApproval");
  if (!sameApprovals(facts, history)) mismatches.push("approvals");
  if (facts.bilateralDeployment !== history.bilateralDeployment) mismatches.push("bilateralDeployment");
  if (facts.decidedWithinDay !== history.decidedWithinDay) mismatches.push("decidedWithinDay");
  if (history.missionDaysAtMost !== undefined && facts.missionDays > history.missionDaysAtMost)
    mismatches.push("missionDaysAtMost");
  return { matches: mismatches.length === 0, mismatches };
}
