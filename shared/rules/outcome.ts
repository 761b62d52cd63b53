/**
 * The debrief data, derived from an ended game: what happened, each leader's score line by line
 * (GAME.md §4), and whether the game ended as history did (GAME.md §6).
 */
import type { Condition, LocalizedText } from "../scenarios/schema.ts";
import type { GameState } from "./state.ts";
import type { EndReason } from "./state.ts";
import type { AppealChannel, Form, StateId, Track } from "./vocabulary.ts";

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

function failedInOrder(s: GameState): StateId[] {
  const fails: { id: StateId; at: number }[] = [];
  for (const t of Object.values(s.approvals)) {
    const first = t?.sittings.find((x) => x.result !== "passed");
    if (t && first) fails.push({ id: t.state, at: first.atHour });
  }
  return fails.sort((a, b) => a.at - b.at).map((f) => f.id);
}

function inRange(v: number, c: { atMost?: number; atLeast?: number }): boolean {
  return (c.atMost === undefined || v <= c.atMost) && (c.atLeast === undefined || v >= c.atLeast);
}

type Facts = Omit<GameOutcome, "scores" | "allianceResult" | "historical">;

function met(c: Condition, f: Facts, id: StateId): boolean {
  switch (c.type) {
    case "track":
      return inRange(f.tracks[c.track as Track], c);
    case "standing":
      return inRange(f.tracks.standing[id] ?? 5, c);
    case "decision":
      return f.decided === c.value;
    case "form":
      return f.decided && f.form !== "none" && c.forms.includes(f.form);
    case "deployed":
      return f.deployed === c.value;
    case "ownTroopsAbroad":
      return (f.troops[id] ?? 0) > 0 === c.value;
    case "leadNation": {
      const most = Math.max(0, ...Object.values(f.troops));
      return most > 0 && f.troops[c.state] === most;
    }
    case "decidedWithinHours":
      return f.hoursToDecision !== null && f.hoursToDecision <= c.hours;
    case "missionDaysAtMost":
      return f.deployed && f.missionDays <= c.days;
    case "formalRequest":
      return (f.channel === "formal") === c.value;
    case "bilateralDeployment":
      return (f.bilateralDeployment !== null) === c.value;
    case "crisisContained":
      return !f.crisisLost && f.tracks.severity < 5;
  }
}

export function outcomeOf(s: GameState): GameOutcome {
  const sc = s.scenario;
  const troops: Partial<Record<StateId, number>> = {};
  let bilateralDeployment: StateId | null = null;
  // Only troops that reached the crisis before the game ended count as deployed.
  const end = s.ended?.atHour ?? s.clock;
  for (const c of s.contingents) {
    if (c.arrivesAtHour > end) continue;
    if (c.bilateral) bilateralDeployment = c.state;
    else troops[c.state] = c.troops;
  }
  const failedApprovals = failedInOrder(s);
  const decided = s.decision?.passed === true;
  const facts: Facts = {
    endReason: s.ended?.reason ?? "noDecision",
    channel: s.appeal?.channel ?? null,
    decided,
    form: decided && s.decision ? s.decision.terms.form : "none",
    hoursToDecision: decided && s.decision ? s.decision.atHour : null,
    deployed: Object.keys(troops).length > 0,
    troops,
    totalTroops: Object.values(troops).reduce((a, b) => a + b, 0),
    failedApprovals,
    firstFailedApproval: failedApprovals[0] ?? null,
    bilateralDeployment,
    missionDays: s.missionDays,
    refusedToSign: s.decision?.refusedToSign ?? [],
    crisisLost: s.ended?.reason === "crisisLost",
    tracks: s.tracks,
  };
  const scores: Partial<Record<StateId, ScoreCard>> = {};
  for (const id of sc.members) {
    const lines = (sc.briefs[id]?.objectives ?? []).map((o) => ({
      objectiveId: o.id,
      text: o.text,
      weight: o.weight,
      met: met(o.condition, facts, id),
    }));
    scores[id] = { total: lines.reduce((n, l) => n + (l.met ? l.weight : 0), 0), lines };
  }
  const t = s.tracks;
  const allianceResult =
    Math.round(((t.credibility + t.legitimacy + (10 - t.severity) + t.sovereignty) / 4) * 100) / 100;
  return { ...facts, scores, allianceResult, historical: compareWithHistory(s, facts) };
}

function compareWithHistory(s: GameState, f: Facts): { matches: boolean; mismatches: string[] } {
  const h = s.scenario.historical.outcome;
  const mismatches: string[] = [];
  if (f.deployed !== h.deployed) mismatches.push("deployed");
  if (f.form !== h.form) mismatches.push("form");
  if (f.firstFailedApproval !== h.firstFailedApproval) mismatches.push("firstFailedApproval");
  if (f.bilateralDeployment !== h.bilateralDeployment) mismatches.push("bilateralDeployment");
  if (
    h.decidedWithinHours !== undefined &&
    !(f.hoursToDecision !== null && f.hoursToDecision <= h.decidedWithinHours)
  ) {
    mismatches.push("decidedWithinHours");
  }
  if (h.missionDaysAtMost !== undefined && f.missionDays > h.missionDaysAtMost)
    mismatches.push("missionDaysAtMost");
  return { matches: mismatches.length === 0, mismatches };
}
