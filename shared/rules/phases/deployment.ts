/** Deployment and resolution, one day at a time; the host decides when the mission ends (GAME.md §2.6). */
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

function activeContingent(s: GameState, id: StateId) {
  return s.contingents.find((c) => c.state === id && !c.withdrawn);
}

/** One day passes with the troops on the ground. */
function day(s: GameState): void {
  const sc = s.scenario;
  advanceClock(s, 24);
  const troops = troopsPresent(s);
  if (troops > 0) s.missionDays += 1;
  const thousands = troops / 1000;
  const tasks = s.decision?.terms.tasks ?? [];
  addTrack(
    s,
    "severity",
    -(sc.selfResolutionPerDay + sc.forceEffectPer1000PerDay * thousands * taskWeight(tasks)),
  );
  if (troops > 0 && tasks.includes("humanitarian")) addTrack(s, "severity", -HUMANITARIAN_PER_DAY);
  // Foreign troops restoring order take part in the host's policing: each day costs legitimacy.
  if (troops > 0 && tasks.includes("restoreOrder")) addTrack(s, "legitimacy", -0.1);
  addTrack(s, "sovereignty", -0.1 * thousands);
  if (s.missionDays > missionLimit(s)) {
    addTrack(s, "legitimacy", -0.3);
    addTrack(s, "sovereignty", -0.2);
  }
  s.pressedToLeave = [];
  fireEvents(s, "deploymentDay", troops > 0);
  if (s.missionDays >= MAX_MISSION_DAYS) finish(s, "missionEnded");
}

export const missionDay: Handler<"missionDay"> = {
  guard: (s, seat) => hostIn(["deployment"], s, seat),
  run(s, seat, a) {
    log(s, seat, `log.mission.${a.decision}`, { day: s.missionDays }, a.reason);
    if (a.decision === "end") finish(s, "missionEnded");
    else day(s);
    return undefined;
  },
};

export const pressToLeave: Handler<"pressToLeave"> = {
  guard(s, seat) {
    const e = leaderIn(["deployment"], s, seat);
    if (e) return e;
    if (seat === s.scenario.host) return ruleError("ERR_NOT_YOUR_ROLE");
    return s.pressedToLeave.includes(seat as StateId) ? ruleError("ERR_ALREADY_DONE") : undefined;
  },
  run(s, seat, a) {
    s.pressedToLeave.push(seat as StateId);
    addStanding(s, s.scenario.host, -0.2);
    log(s, seat, "log.pressToLeave", undefined, a.reason);
    return undefined;
  },
};

export const withdrawContingent: Handler<"withdrawContingent"> = {
  guard(s, seat) {
    const e = leaderIn(["deployment"], s, seat);
    if (e) return e;
    return activeContingent(s, seat as StateId) ? undefined : ruleError("ERR_NOT_YOUR_ROLE");
  },
  run(s, seat, a) {
    const c = activeContingent(s, seat as StateId);
    if (!c) return ruleError("ERR_NOT_YOUR_ROLE");
    c.withdrawn = true;
    addTrack(s, "credibility", -0.5);
    addStanding(s, c.state, 0.3);
    log(s, seat, "log.withdrawContingent", undefined, a.reason);
    if (!s.contingents.some((x) => !x.withdrawn) && openApprovals(s).length === 0) finish(s, "missionEnded");
    return undefined;
  },
};

/**
 * The mission's time limit in days: the decision's, or for troops sent bilaterally (no decision)
 * the longest a game lets a mission run.
 */
export function missionLimit(s: GameState): number {
  return s.decision?.terms.timeLimitDays ?? MAX_MISSION_DAYS;
}

/**
 * The timer ran out: approvals still open are settled as the approvals timer would, then the
 * mission goes on within its time limit and ends after it.
 */
export function deploymentTimeout(s: GameState, seat: Seat): void {
  if (openApprovals(s).length > 0) approvalsTimeout(s);
  if (s.ended) return;
  if (s.missionDays >= missionLimit(s)) {
    log(s, seat, "log.mission.end", { day: s.missionDays });
    finish(s, "missionEnded");
  } else day(s);
}
