/** Deployment and resolution, one day at a time; the host decides when the mission ends
 * (docs/game.md, "Deployment"). */
import { ruleError } from "../errors.ts";
import { addStanding, addTrack, advanceClock, finish, fireEvents, log, troopsPresent } from "../mechanics.ts";
import type { GameState, Seat } from "../state.ts";
import type { StateId, Task } from "../vocabulary.ts";
import { approvalsTimeout, openApprovals } from "./approvals.ts";
import { hostIn, leaderIn, type Handler } from "./handler.ts";

/** A mission ends by itself after this many days (a game must end). */
export const MAX_MISSION_DAYS = 60;

/** Severity removed per day by a humanitarian task, whatever the troop numbers. */
const HUMANITARIAN_PER_DAY = 0.1;

/**
 * How much the tasks make of the troops present: guarding sites frees the host's own forces;
 * restoring order acts directly (and costs legitimacy); securing borders helps least inside a state.
 */
export function taskWeight(tasks: readonly Task[]): number {
  let w = 0.6;
  if (tasks.includes("guardSites")) w += 0.4;
  if (tasks.includes("restoreOrder")) w += 0.5;
  if (tasks.includes("secureBorders")) w += 0.15;
  return w;
}

function activeContingent(state: GameState, id: StateId) {
  return state.contingents.find((contingent) => contingent.state === id && !contingent.withdrawn);
}

/** One day passes with the troops on the ground. */
function day(state: GameState): void {
  const scenario = state.scenario;
  advanceClock(state, 24);
  const troops = troopsPresent(state);
  if (troops > 0) state.missionDays += 1;
  const thousands = troops / 1000;
  const tasks = state.decision?.terms.tasks ?? [];
  addTrack(
    state,
    "severity",
    -(scenario.selfResolutionPerDay + scenario.forceEffectPer1000PerDay * thousands * taskWeight(tasks)),
  );
  if (troops > 0 && tasks.includes("humanitarian")) addTrack(state, "severity", -HUMANITARIAN_PER_DAY);
  // Foreign troops restoring order take part in the host's policing: each day costs legitimacy.
  if (troops > 0 && tasks.includes("restoreOrder")) addTrack(state, "legitimacy", -0.1);
  addTrack(state, "sovereignty", -0.1 * thousands);
  if (state.missionDays > missionLimit(state)) {
    addTrack(state, "legitimacy", -0.3);
    addTrack(state, "sovereignty", -0.2);
  }
  state.pressedToLeave = [];
  fireEvents(state, "deploymentDay", troops > 0);
  if (state.missionDays >= MAX_MISSION_DAYS) finish(state, "missionEnded");
}

export const missionDay: Handler<"missionDay"> = {
  guard: (state, seat) => hostIn(["deployment"], state, seat),
  run(state, seat, action) {
    // The host decides on the day now beginning: after N days served, day N + 1.
    log(state, seat, `log.mission.${action.decision}`, { day: state.missionDays + 1 }, action.reason);
    if (action.decision === "end") finish(state, "missionEnded");
    else day(state);
    return undefined;
  },
};

export const pressToLeave: Handler<"pressToLeave"> = {
  guard(state, seat) {
    const error = leaderIn(["deployment"], state, seat);
    if (error) return error;
    if (seat === state.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    return state.pressedToLeave.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined;
  },
  run(state, seat, action) {
    state.pressedToLeave.push(seat as StateId);
    addStanding(state, state.scenario.host, -0.2);
    log(state, seat, "log.pressToLeave", undefined, action.reason);
    return undefined;
  },
};

export const withdrawContingent: Handler<"withdrawContingent"> = {
  guard(state, seat) {
    const error = leaderIn(["deployment"], state, seat);
    if (error) return error;
    return activeContingent(state, seat as StateId) ? undefined : ruleError("ERR_NOT_YOUR_ROLE");
  },
  run(state, seat, action) {
    const contingent = activeContingent(state, seat as StateId);
    if (!contingent) return ruleError("ERR_NOT_YOUR_ROLE");
    contingent.withdrawn = true;
    addTrack(state, "credibility", -0.5);
    addStanding(state, contingent.state, 0.3);
    log(state, seat, "log.withdrawContingent", undefined, action.reason);
    if (!state.contingents.some((other) => !other.withdrawn) && openApprovals(state).length === 0)
      finish(state, "missionEnded");
    return undefined;
  },
};

/**
 * The mission's time limit in days: the decision's, or for troops sent bilaterally (no decision)
 * the longest a game lets a mission run.
 */
export function missionLimit(state: GameState): number {
  return state.decision?.terms.timeLimitDays ?? MAX_MISSION_DAYS;
}

/**
 * The timer ran out: approvals still open are settled as the approvals timer would, then the
 * mission goes on within its time limit and ends after it.
 */
export function deploymentTimeout(state: GameState, seat: Seat): void {
  if (openApprovals(state).length > 0) approvalsTimeout(state);
  if (state.ended) return;
  if (state.missionDays >= missionLimit(state)) {
    log(state, seat, "log.mission.end", { day: state.missionDays + 1 });
    finish(state, "missionEnded");
  } else day(state);
}
