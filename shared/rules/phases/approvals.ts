/**
 * National approvals (GAME.md §5): each pledging state clears its own procedure. A failed approval
 * keeps that contingent home and does not undo the council's decision. Chamber votes are drawn
 * deputy by deputy from bloc leanings and the crisis factors, or cast by human deputies.
 * A contingent leaves as soon as its own state consents: the first one opens the deployment, and
 * the other procedures run on during it (Kyrgyzstan voted a day after the first Russian landings).
 */
import { ruleError } from "../errors.ts";
import { overclaim } from "../framing.ts";
import { addStanding, addTrack, clamp, finish, log } from "../mechanics.ts";
import type { Chamber } from "../procedures.ts";
import { Rng } from "../rng.ts";
import {
  deputySeats,
  procedureOf,
  type ApprovalTrack,
  type GameState,
  type Seat,
  type Sitting,
} from "../state.ts";
import type { DeputyVote, StateId } from "../vocabulary.ts";
import { enterDeployment } from "./entry.ts";
import { deputyOf, leaderIn, type Handler } from "./handler.ts";

/** How many sittings a state may hold before its pledge lapses. */
export const MAX_SITTINGS = 4;
/** Lobbying rounds per state; each adds to every deputy's chance of voting yes. */
export const MAX_LOBBYING = 3;
const LOBBY_EFFECT = 0.05;
/** A re-vote after a failure: the leadership whips its deputies back to the chamber. */
const REVOTE_RALLY = 0.03;

/** Approvals still in progress may be worked on during the deployment too. */
const APPROVAL_PHASES = ["approvals", "deployment"] as const;

function track(s: GameState, seat: Seat): ApprovalTrack | undefined {
  return s.approvals[seat as StateId];
}

export const submitApproval: Handler<"submitApproval"> = {
  guard(s, seat) {
    const e = leaderIn(APPROVAL_PHASES, s, seat);
    if (e) return e;
    const t = track(s, seat);
    if (!t) return ruleError("ERR_NOT_YOUR_ROLE");
    if (t.status !== "pending" && t.status !== "failed") return ruleError("ERR_ALREADY_DONE");
    if (t.status === "failed" && (s.capital[t.state] ?? 0) < 1) return ruleError("ERR_NO_CAPITAL");
    if (t.sittings.length >= MAX_SITTINGS) return ruleError("ERR_NOTHING_TO_DO");
    return undefined;
  },
  run(s, seat, a) {
    const t = track(s, seat);
    if (!t) return ruleError("ERR_NOT_YOUR_ROLE");
    if (t.status === "failed") s.capital[t.state] = (s.capital[t.state] ?? 0) - 1;
    log(s, seat, t.status === "failed" ? "log.revote" : "log.submitApproval", undefined, a.reason);
    submit(s, t);
    settle(s, t);
    return undefined;
  },
};

function submit(s: GameState, t: ApprovalTrack): void {
  const proc = procedureOf(s, t.state);
  t.clock = Math.max(t.clock, s.clock);
  t.submittedAt ??= t.clock;
  if (proc?.movesBeforeApproval && !t.movedEarly) {
    t.movedEarly = true;
    addTrack(s, "legitimacy", -0.5);
    log(s, t.state, "log.movedEarly");
  }
  if (!t.needsVote || !proc?.chamber) {
    t.clock += proc?.hours ?? 1;
    t.status = "passed";
    log(s, t.state, "log.approved", { body: t.state });
    return;
  }
  t.status = "voting";
  t.deputyVotes = {};
  if (deputySeats(s, t.state).length === 0) sit(s, t);
}

/** The probability that a modelled deputy of a bloc votes yes, with the crisis factors. */
export function yesChance(s: GameState, t: ApprovalTrack, leaning: number): number {
  const standing = s.tracks.standing[t.state] ?? 5;
  const failed = t.sittings.filter((x) => x.result !== "passed").length;
  const shift = s.scenario.approvalOverrides?.[t.state]?.leaningShift ?? 0;
  return clamp(
    leaning +
      shift -
      0.03 * overclaim(s) +
      0.02 * (standing - 5) +
      LOBBY_EFFECT * t.lobbying +
      REVOTE_RALLY * failed,
    0.01,
    0.99,
  );
}

/** Share of deputies expected at the track's next sitting (the scenario may override the chamber's). */
function attendanceAt(s: GameState, t: ApprovalTrack, chamber: Chamber): number {
  const list = s.scenario.approvalOverrides?.[t.state]?.attendance ?? chamber.attendance;
  return list[Math.min(t.sittings.length, list.length - 1)] ?? 1;
}

export interface SittingForecast {
  attendance: number;
  expectedPresent: number;
  expectedYes: number;
  needed: number;
  quorum: number;
}

/** What the model expects of the next sitting: public, since every input to it is public. */
export function forecastSitting(s: GameState, t: ApprovalTrack): SittingForecast | null {
  const chamber = procedureOf(s, t.state)?.chamber;
  if (!chamber || !t.needsVote) return null;
  const attendance = attendanceAt(s, t, chamber);
  const yes = chamber.blocs.reduce((n, b) => n + b.seats * attendance * yesChance(s, t, b.leaning), 0);
  return {
    attendance,
    expectedPresent: Math.round(chamber.seats * attendance),
    expectedYes: Math.round(yes),
    needed: chamber.needed,
    quorum: chamber.quorum,
  };
}

/** Holds one sitting: who is present, then each deputy's vote. Human deputies' votes count as cast. */
function sit(s: GameState, t: ApprovalTrack): void {
  const proc = procedureOf(s, t.state);
  const chamber = proc?.chamber as Chamber;
  const attendance = attendanceAt(s, t, chamber);
  const humans = Object.values(t.deputyVotes) as DeputyVote[];
  const tally = { present: humans.length, yes: 0, no: 0, abstain: 0 };
  for (const v of humans) tally[v] += 1;
  const rng = new Rng(s.rng);
  // Human deputies take the places of modelled ones, from the largest bloc down.
  let seatsTaken = deputySeats(s, t.state).length;
  const blocs = [...chamber.blocs].sort((a, b) => b.seats - a.seats);
  for (const bloc of blocs) {
    const replaced = Math.min(seatsTaken, bloc.seats);
    seatsTaken -= replaced;
    const p = yesChance(s, t, bloc.leaning);
    for (let i = replaced; i < bloc.seats; i++) {
      if (!rng.chance(attendance)) continue;
      tally.present += 1;
      if (rng.chance(p)) tally.yes += 1;
      else if (rng.chance(0.7)) tally.no += 1;
      else tally.abstain += 1;
    }
  }
  s.rng = rng.state;
  t.clock += chamber.hoursPerSitting;
  const result: Sitting["result"] =
    tally.present < chamber.quorum ? "noQuorum" : tally.yes >= chamber.needed ? "passed" : "failed";
  t.sittings.push({ ...tally, needed: chamber.needed, quorum: chamber.quorum, result, atHour: t.clock });
  t.status = result === "passed" ? "passed" : "failed";
  t.deputyVotes = {};
  log(s, "system", `log.sitting.${result}`, {
    state: t.state,
    yes: tally.yes,
    no: tally.no,
    needed: chamber.needed,
    present: tally.present,
  });
}

export const lobby: Handler<"lobby"> = {
  guard(s, seat) {
    const e = leaderIn(APPROVAL_PHASES, s, seat);
    if (e) return e;
    if ((s.capital[seat as StateId] ?? 0) < 1) return ruleError("ERR_NO_CAPITAL");
    const open = Object.values(s.approvals).some(
      (t) => t && t.needsVote && (t.status === "pending" || t.status === "failed"),
    );
    return open ? undefined : ruleError("ERR_NOTHING_TO_DO");
  },
  run(s, seat, a) {
    const t = s.approvals[a.target];
    if (!t || !t.needsVote || (t.status !== "pending" && t.status !== "failed")) {
      return ruleError("ERR_NOTHING_TO_DO");
    }
    if (t.lobbying >= MAX_LOBBYING) return ruleError("ERR_ALREADY_DONE");
    const id = seat as StateId;
    s.capital[id] = (s.capital[id] ?? 0) - 1;
    t.lobbying += 1;
    // Pressure from abroad is resented at home.
    if (a.target !== id) addStanding(s, a.target, -0.2);
    log(s, seat, "log.lobby", { target: a.target }, a.reason);
    return undefined;
  },
};

export const withdrawPledge: Handler<"withdrawPledge"> = {
  guard(s, seat) {
    const e = leaderIn(APPROVAL_PHASES, s, seat);
    if (e) return e;
    const t = track(s, seat);
    if (!t) return ruleError("ERR_NOT_YOUR_ROLE");
    return t.status === "passed" || t.status === "withdrawn" ? ruleError("ERR_ALREADY_DONE") : undefined;
  },
  run(s, seat, a) {
    const t = track(s, seat);
    if (!t) return ruleError("ERR_NOT_YOUR_ROLE");
    t.status = "withdrawn";
    addTrack(s, "credibility", -0.5);
    addStanding(s, t.state, 0.3);
    log(s, seat, "log.withdrawPledge", undefined, a.reason);
    settle(s, t);
    return undefined;
  },
};

export const deputyVote: Handler<"deputyVote"> = {
  guard(s, seat) {
    if (!(APPROVAL_PHASES as readonly string[]).includes(s.phase))
      return ruleError("ERR_WRONG_PHASE", { phase: s.phase });
    const id = deputyOf(s, seat);
    const t = id && s.approvals[id];
    if (!t) return ruleError("ERR_NOT_YOUR_ROLE");
    if (t.status !== "voting") return ruleError("ERR_WRONG_PHASE", { phase: t.status });
    return t.deputyVotes[seat as keyof typeof t.deputyVotes] ? ruleError("ERR_ALREADY_DONE") : undefined;
  },
  run(s, seat, a) {
    const id = deputyOf(s, seat) as StateId;
    const t = s.approvals[id] as ApprovalTrack;
    t.deputyVotes[seat as keyof typeof t.deputyVotes] = a.vote;
    if (Object.keys(t.deputyVotes).length === deputySeats(s, id).length) {
      sit(s, t);
      settle(s, t);
    }
    return undefined;
  },
};

/** The timer ran out: failed pledges lapse, waiting ones go to their procedure, open sittings close. */
export function approvalsTimeout(s: GameState): void {
  for (const t of Object.values(s.approvals)) {
    if (!t) continue;
    if (t.status === "failed") {
      t.status = "withdrawn";
      log(s, t.state, "log.lapsed");
    } else if (t.status === "pending") {
      submit(s, t);
      // submit() may have opened a sitting for human deputies; nobody has voted in time.
      if (statusOf(t) === "voting") sit(s, t);
    } else if (t.status === "voting") {
      sit(s, t);
    }
    settle(s, t);
  }
}

const statusOf = (t: ApprovalTrack): ApprovalTrack["status"] => t.status;

/** Approvals that follow a bilateral answer send troops outside the CSTO. */
const isBilateral = (s: GameState): boolean => s.bilateralResponse?.response === "assist";

/**
 * After a track moved: a consent sends that contingent on its way (the first one opens the
 * deployment); when every pledge has been withdrawn, no troops will come.
 */
function settle(s: GameState, t: ApprovalTrack): void {
  if (s.ended) return;
  if (t.status === "passed" && !s.contingents.some((c) => c.state === t.state)) {
    const transport = s.scenario.forces[t.state]?.transportHours ?? 24;
    const departure = t.movedEarly && t.submittedAt !== null ? t.submittedAt : t.clock;
    s.contingents.push({
      state: t.state,
      troops: t.troops,
      arrivesAtHour: departure + transport,
      bilateral: isBilateral(s),
      withdrawn: false,
    });
    addStanding(s, t.state, -0.3);
    if (s.phase === "approvals") enterDeployment(s, t.clock);
  }
  const tracks = Object.values(s.approvals).filter((x): x is ApprovalTrack => !!x);
  if (s.phase === "approvals" && tracks.every((x) => x.status === "withdrawn")) finish(s, "noContingents");
}

/** Pledges still waiting on their procedure. */
export function openApprovals(s: GameState): ApprovalTrack[] {
  return Object.values(s.approvals).filter(
    (t): t is ApprovalTrack => !!t && t.status !== "passed" && t.status !== "withdrawn",
  );
}
