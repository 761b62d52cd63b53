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

/** Days the host spends handling the crisis alone when no troops come (docs/game.md, "Tracks"). */
export const DAYS_ALONE = 7;

export function addTrack(state: GameState, track: Track, delta: number): void {
  state.tracks[track] = round2(clamp(state.tracks[track] + delta));
}

export function addStanding(state: GameState, id: StateId, delta: number): void {
  const now = state.tracks.standing[id];
  if (now !== undefined) state.tracks.standing[id] = round2(clamp(now + delta));
}

export function applyDelta(state: GameState, delta: TrackDelta): void {
  if (delta.severity) addTrack(state, "severity", delta.severity);
  if (delta.credibility) addTrack(state, "credibility", delta.credibility);
  if (delta.legitimacy) addTrack(state, "legitimacy", delta.legitimacy);
  if (delta.sovereignty) addTrack(state, "sovereignty", delta.sovereignty);
  for (const [id, v] of Object.entries(delta.standing ?? {}) as [StateId, number][])
    addStanding(state, id, v);
}

/**
 * A reason that names an entry of the scenario's historical timeline (`at`) gets that entry's date;
 * if it also names a step of the seat's own playbook that happened there (`step`), it gets the
 * reason the real actor gave, in both languages (`said_en`, `said_ru`). Bots' reason parameters are
 * short (ReasonSchema); the long text travels in the logged line (docs/game.md, "Bots").
 */
export function resolveReason(state: GameState, seat: Seat, reason: Message): Message {
  const params = reason.params;
  const at = params?.at;
  if (typeof at !== "string") return reason;
  const entry = state.scenario.historical.timeline.find((candidate) => candidate.id === at);
  if (!entry) return reason;
  const step = params?.step;
  const steps = state.scenario.briefs[seat as StateId]?.playbook.steps;
  const ref =
    typeof step === "string" && steps && Object.hasOwn(steps, step)
      ? steps[step as keyof typeof steps]
      : undefined;
  const said = ref?.at === at ? { said_en: ref.reason.en, said_ru: ref.reason.ru } : {};
  return { key: reason.key, params: { ...params, date: entry.date, ...said } };
}

export function log(
  state: GameState,
  seat: Seat,
  key: string,
  params?: Message["params"],
  reason?: Message,
  /** When it happened, if not now: a national procedure runs on its own clock (its track's). */
  hour: number = state.clock,
): void {
  const message: Message = params ? { key, params } : { key };
  state.timeline.push(
    reason
      ? { hour, phase: state.phase, seat, message, reason: resolveReason(state, seat, reason) }
      : { hour, phase: state.phase, seat, message },
  );
}

/**
 * A crisis feeds on itself: at severity s above 5, a day's escalation is the scenario's rate times
 * 1 + SPIRAL × (s − 5), so the last points before 10 come faster than the first (docs/game.md, "Escalation").
 */
export const SPIRAL = 0.3;

/** Hours the capitals take to reconvene after a blocked vote, before consultations reopen. */
export const RECONVENE_HOURS = 12;

/** Severity added per day at this severity by a crisis that rises `perDay` at severity 5 or below. */
export function escalationAt(perDay: number, severity: number): number {
  return perDay * (1 + SPIRAL * Math.max(0, severity - 5));
}

/** Severity added per day while the alliance deliberates, at the crisis's present severity. */
export function escalationRate(state: GameState): number {
  return escalationAt(state.scenario.escalationPerDay, state.tracks.severity);
}

/** Moves the clock; while the alliance deliberates the crisis worsens (at 10 it is lost: see apply). */
export function advanceClock(state: GameState, hours: number): void {
  if (hours <= 0 || state.ended) return;
  state.clock = round2(state.clock + hours);
  if (ESCALATING.includes(state.phase)) addTrack(state, "severity", (escalationRate(state) * hours) / 24);
}

/** Adds a point to the track history when a public track moved (copy-on-write: the array is shared). */
export function recordTracks(state: GameState): void {
  const tracks = state.tracks;
  const last = state.trackHistory.at(-1);
  if (
    last &&
    last.severity === tracks.severity &&
    last.credibility === tracks.credibility &&
    last.legitimacy === tracks.legitimacy &&
    last.sovereignty === tracks.sovereignty
  ) {
    return;
  }
  const point = {
    hour: state.clock,
    severity: tracks.severity,
    credibility: tracks.credibility,
    legitimacy: tracks.legitimacy,
    sovereignty: tracks.sovereignty,
  };
  state.trackHistory = [...state.trackHistory, point];
}

export function enterPhase(state: GameState, phase: Phase): void {
  state.phase = phase;
  state.phaseStartedAt = state.clock;
  log(state, "system", `log.phase.${phase}`);
  // Back in consultations after a blocked vote: the crisis does not wait while the capitals confer.
  if (phase === "consultations" && state.round > 0) advanceClock(state, RECONVENE_HOURS);
}

/** Rolls the scenario's events for a trigger; each event fires at most once per game. */
export function fireEvents(
  state: GameState,
  trigger: "consultations" | "decision" | "deploymentDay",
  troopsPresent: boolean,
): void {
  const rng = new Rng(state.rng);
  for (const event of state.scenario.events) {
    if (event.trigger !== trigger || state.firedEvents.includes(event.id)) continue;
    if (event.requiresTroops !== undefined && event.requiresTroops !== troopsPresent) continue;
    if (!rng.chance(event.chance)) continue;
    state.firedEvents.push(event.id);
    applyDelta(state, event.effects);
    // The event's text travels with it, in both languages, so a client can show it without the scenario.
    log(state, "system", "log.event", { event: event.id, text_en: event.text.en, text_ru: event.text.ru });
  }
  state.rng = rng.state;
}

/** Troops of the alliance (or of a bilateral helper) on the ground now. */
export function troopsPresent(state: GameState): number {
  return state.contingents.reduce(
    (n, contingent) =>
      !contingent.withdrawn && contingent.arrivesAtHour <= state.clock ? n + contingent.troops : n,
    0,
  );
}

/**
 * Ends the game. Without troops the host handles the crisis alone for a week; then the alliance's
 * credibility answers for what it did with the request (docs/game.md, "Tracks").
 */
export function finish(state: GameState, reason: EndReason): void {
  if (state.ended) return;
  const scenario = state.scenario;
  const troopsWent = state.contingents.some(
    (contingent) => !contingent.bilateral && contingent.arrivesAtHour <= state.clock,
  );
  if (reason !== "crisisLost" && reason !== "missionEnded") {
    const form = state.decision?.passed ? state.decision.terms.form : undefined;
    const help = form === "equipment" ? 1 : form === "assessment" ? 0.3 : 0;
    addTrack(state, "severity", -(scenario.selfResolutionPerDay * DAYS_ALONE + help));
  }
  const answered = state.decision?.passed === true;
  const appeal = state.appeal;
  if (appeal?.channel === "formal" && !answered) {
    const evidence = appeal.framing ? scenario.evidence[appeal.framing] : 0;
    addTrack(state, "credibility", evidence >= 5 ? -2 : -0.5);
  }
  const referred = appeal?.channel === "bilateral" && state.bilateralResponse?.response === "referToAlliance";
  if ((appeal?.channel === "informal" || referred || state.informalAppeals.length > 0) && !answered) {
    addTrack(state, "credibility", -1);
  }
  if (state.contingents.some((contingent) => contingent.bilateral)) addTrack(state, "credibility", -1);
  if (reason === "crisisLost") {
    addTrack(state, "credibility", -2);
    addStanding(state, scenario.host, -3);
  } else if (state.tracks.severity < 5) {
    addStanding(state, scenario.host, 1);
  }
  if (troopsWent && state.missionDays > 0 && state.decision) {
    const over = state.missionDays - state.decision.terms.timeLimitDays;
    if (over <= 0) addTrack(state, "legitimacy", 0.5);
  }
  state.ended = { reason, atHour: state.clock };
  state.phase = "debrief";
  state.phaseStartedAt = state.clock;
  log(state, "system", "log.end", { reason });
}
