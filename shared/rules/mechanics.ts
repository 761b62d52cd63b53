/**
 * The small operations every phase uses on a draft state (a fresh copy made by `apply`): moving
 * the clock, changing tracks, logging to the timeline, firing scenario events, ending the game.
 * Only code in shared/rules/phases calls these, and only on drafts.
 */
import type { Message } from "./actions.ts";
import type { TrackDelta } from "../scenarios/schema.ts";
import { Rng } from "./rng.ts";
import type { EndReason, GameState, Seat } from "./state.ts";
import type { Phase, StateId, Track } from "./vocabulary.ts";

export const clamp = (v: number, lo = 0, hi = 10): number => Math.min(hi, Math.max(lo, v));
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Phases in which the crisis worsens with the clock, before the alliance has an answer on the ground. */
const ESCALATING: readonly Phase[] = ["appeal", "bilateral", "consultations", "council", "approvals"];

/** Days the host spends handling the crisis alone when no troops come (GAME.md §2.6). */
export const DAYS_ALONE = 7;

export function addTrack(s: GameState, track: Track, delta: number): void {
  s.tracks[track] = round2(clamp(s.tracks[track] + delta));
}

export function addStanding(s: GameState, id: StateId, delta: number): void {
  const now = s.tracks.standing[id];
  if (now !== undefined) s.tracks.standing[id] = round2(clamp(now + delta));
}

export function applyDelta(s: GameState, d: TrackDelta): void {
  if (d.severity) addTrack(s, "severity", d.severity);
  if (d.credibility) addTrack(s, "credibility", d.credibility);
  if (d.legitimacy) addTrack(s, "legitimacy", d.legitimacy);
  if (d.sovereignty) addTrack(s, "sovereignty", d.sovereignty);
  for (const [id, v] of Object.entries(d.standing ?? {}) as [StateId, number][]) addStanding(s, id, v);
}

export function log(
  s: GameState,
  seat: Seat,
  key: string,
  params?: Message["params"],
  reason?: Message,
): void {
  const message: Message = params ? { key, params } : { key };
  s.timeline.push(
    reason
      ? { hour: s.clock, phase: s.phase, seat, message, reason }
      : { hour: s.clock, phase: s.phase, seat, message },
  );
}

/** Moves the clock; while the alliance deliberates the crisis worsens (at 10 it is lost: see apply). */
export function advanceClock(s: GameState, hours: number): void {
  if (hours <= 0 || s.ended) return;
  s.clock = round2(s.clock + hours);
  if (ESCALATING.includes(s.phase)) addTrack(s, "severity", (s.scenario.escalationPerDay * hours) / 24);
}

/** Adds a point to the track history when a public track moved (copy-on-write: the array is shared). */
export function recordTracks(s: GameState): void {
  const t = s.tracks;
  const last = s.trackHistory.at(-1);
  if (
    last &&
    last.severity === t.severity &&
    last.credibility === t.credibility &&
    last.legitimacy === t.legitimacy &&
    last.sovereignty === t.sovereignty
  ) {
    return;
  }
  const point = {
    hour: s.clock,
    severity: t.severity,
    credibility: t.credibility,
    legitimacy: t.legitimacy,
    sovereignty: t.sovereignty,
  };
  s.trackHistory = [...s.trackHistory, point];
}

export function enterPhase(s: GameState, phase: Phase): void {
  s.phase = phase;
  s.phaseStartedAt = s.clock;
  log(s, "system", `log.phase.${phase}`);
}

/** Rolls the scenario's events for a trigger; each event fires at most once per game. */
export function fireEvents(
  s: GameState,
  trigger: "consultations" | "decision" | "deploymentDay",
  troopsPresent: boolean,
): void {
  const rng = new Rng(s.rng);
  for (const e of s.scenario.events) {
    if (e.trigger !== trigger || s.firedEvents.includes(e.id)) continue;
    if (e.requiresTroops !== undefined && e.requiresTroops !== troopsPresent) continue;
    if (!rng.chance(e.chance)) continue;
    s.firedEvents.push(e.id);
    applyDelta(s, e.effects);
    // The event's text travels with it, in both languages, so a client can show it without the scenario.
    log(s, "system", "log.event", { event: e.id, text_en: e.text.en, text_ru: e.text.ru });
  }
  s.rng = rng.state;
}

/** Troops of the alliance (or of a bilateral helper) on the ground now. */
export function troopsPresent(s: GameState): number {
  return s.contingents.reduce((n, c) => (!c.withdrawn && c.arrivesAtHour <= s.clock ? n + c.troops : n), 0);
}

/**
 * Ends the game. Without troops the host handles the crisis alone for a week; then the alliance's
 * credibility answers for what it did with the request (GAME.md §3).
 */
export function finish(s: GameState, reason: EndReason): void {
  if (s.ended) return;
  const sc = s.scenario;
  const troopsWent = s.contingents.some((c) => !c.bilateral && c.arrivesAtHour <= s.clock);
  if (reason !== "crisisLost" && reason !== "missionEnded") {
    const form = s.decision?.passed ? s.decision.terms.form : undefined;
    const help = form === "equipment" ? 1 : form === "assessment" ? 0.3 : 0;
    addTrack(s, "severity", -(sc.selfResolutionPerDay * DAYS_ALONE + help));
  }
  const answered = s.decision?.passed === true;
  const appeal = s.appeal;
  if (appeal?.channel === "formal" && !answered) {
    const evidence = appeal.framing ? sc.evidence[appeal.framing] : 0;
    addTrack(s, "credibility", evidence >= 5 ? -2 : -0.5);
  }
  const referred = appeal?.channel === "bilateral" && s.bilateralResponse?.response === "referToAlliance";
  if ((appeal?.channel === "informal" || referred || s.informalAppeals.length > 0) && !answered) {
    addTrack(s, "credibility", -1);
  }
  if (s.contingents.some((c) => c.bilateral)) addTrack(s, "credibility", -1);
  if (reason === "crisisLost") {
    addTrack(s, "credibility", -2);
    addStanding(s, sc.host, -3);
  } else if (s.tracks.severity < 5) {
    addStanding(s, sc.host, 1);
  }
  if (troopsWent && s.missionDays > 0 && s.decision) {
    const over = s.missionDays - s.decision.terms.timeLimitDays;
    if (over <= 0) addTrack(s, "legitimacy", 0.5);
  }
  s.ended = { reason, atHour: s.clock };
  s.phase = "debrief";
  s.phaseStartedAt = s.clock;
  log(s, "system", "log.end", { reason });
}
