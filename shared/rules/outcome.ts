/**
 * The debrief data, derived from an ended game: what happened, each leader's score line by line,
 * and whether the game ended as history did (docs/game.md, "Scoring").
 */
import type { Condition, LocalizedText } from "../scenarios/schema.ts";
import type { GameState } from "./state.ts";
import type { EndReason } from "./state.ts";
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
  /** CSTO contingents dispatched (not counting bilateral help). */
  deployed: boolean;
  troops: Partial<Record<StateId, number>>;
  totalTroops: number;
  /** States whose national approval failed at least one sitting, in the order they failed. */
  failedApprovals: StateId[];
  firstFailedApproval: StateId | null;
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

type Facts = Omit<GameOutcome, "scores" | "allianceResult" | "historical">;

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
  const facts: Facts = {
    endReason: state.ended?.reason ?? "noDecision",
    channel: state.appeal?.channel ?? null,
    decided,
    form: decided && state.decision ? state.decision.terms.form : "none",
    hoursToDecision: decided && state.decision ? state.decision.atHour : null,
    deployed: Object.keys(troops).length > 0,
    troops,
    totalTroops: Object.values(troops).reduce((a, b) => a + b, 0),
    failedApprovals,
    firstFailedApproval: failedApprovals[0] ?? null,
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
  return { ...facts, scores, allianceResult, historical: compareWithHistory(state, facts) };
}

function compareWithHistory(state: GameState, facts: Facts): { matches: boolean; mismatches: string[] } {
  const history = state.scenario.historical.outcome;
  const mismatches: string[] = [];
  if (facts.deployed !== history.deployed) mismatches.push("deployed");
  if (facts.form !== history.form) mismatches.push("form");
  if (facts.firstFailedApproval !== history.firstFailedApproval) mismatches.push("firstFailedApproval");
  if (facts.bilateralDeployment !== history.bilateralDeployment) mismatches.push("bilateralDeployment");
  if (
    history.decidedWithinHours !== undefined &&
    !(facts.hoursToDecision !== null && facts.hoursToDecision <= history.decidedWithinHours)
  ) {
    mismatches.push("decidedWithinHours");
  }
  if (history.missionDaysAtMost !== undefined && facts.missionDays > history.missionDaysAtMost)
    mismatches.push("missionDaysAtMost");
  return { matches: mismatches.length === 0, mismatches };
}
