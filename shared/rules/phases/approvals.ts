/**
 * National approvals (docs/game.md, "National approvals"): each pledging state clears its own
 * procedure. A failed approval keeps that contingent home and does not undo the council's decision.
 * Chamber votes are drawn deputy by deputy from bloc leanings and the crisis factors, or cast by human
 * deputies.
 * A contingent leaves as soon as its own state consents: the first one opens the deployment, and
 * the other procedures run on during it (Kyrgyzstan voted a day after the first Russian landings).
 */
import { ruleError } from "../errors.ts";
import { addStanding, addTrack, finish, log } from "../mechanics.ts";
import { deputySeats, procedureOf, type ApprovalTrack, type GameState, type Seat } from "../state.ts";
import type { StateId } from "../vocabulary.ts";
import { sit } from "./chamber.ts";
import { airliftDeparture, airlifterOf, groundWithoutAirlift } from "./airlift.ts";
import { enterDeployment } from "./entry.ts";
import { deputyOf, leaderIn, type Handler } from "./handler.ts";

/** How many sittings a state may hold before its pledge lapses. */
export const MAX_SITTINGS = 4;
/** Lobbying rounds per state; each adds to every deputy's chance of voting yes (see chamber.ts). */
export const MAX_LOBBYING = 3;

/** Approvals still in progress may be worked on during the deployment too. */
const APPROVAL_PHASES = ["approvals", "deployment"] as const;

function ownTrack(state: GameState, seat: Seat): ApprovalTrack | undefined {
  return state.approvals[seat as StateId];
}

export const submitApproval: Handler<"submitApproval"> = {
  guard(state, seat) {
    const error = leaderIn(APPROVAL_PHASES, state, seat);
    if (error) return error;
    const track = ownTrack(state, seat);
    if (!track) return ruleError("ERR_NOT_YOUR_ROLE");
    if (track.status !== "pending" && track.status !== "failed") return ruleError("ERR_ALREADY_DONE");
    if (track.status === "failed" && (state.capital[track.state] ?? 0) < 1)
      return ruleError("ERR_NO_CAPITAL");
    if (track.sittings.length >= MAX_SITTINGS) return ruleError("ERR_NOTHING_TO_DO");
    return undefined;
  },
  run(state, seat, action) {
    const track = ownTrack(state, seat);
    if (!track) return ruleError("ERR_NOT_YOUR_ROLE");
    if (track.status === "failed") state.capital[track.state] = (state.capital[track.state] ?? 0) - 1;
    log(
      state,
      seat,
      track.status === "failed" ? "log.revote" : "log.submitApproval",
      undefined,
      action.reason,
      Math.max(track.clock, state.clock),
    );
    submit(state, track);
    settle(state, track);
    return undefined;
  },
};

function submit(state: GameState, track: ApprovalTrack): void {
  const proc = procedureOf(state, track.state);
  track.clock = Math.max(track.clock, state.clock);
  track.submittedAt ??= track.clock;
  if (proc?.movesBeforeApproval && !track.movedEarly) {
    track.movedEarly = true;
    addTrack(state, "legitimacy", -0.5);
    log(state, track.state, "log.movedEarly", undefined, undefined, track.clock);
  }
  if (!track.needsVote || !proc?.chamber) {
    track.clock += proc?.hours ?? 1;
    track.status = "passed";
    log(state, track.state, "log.approved", { body: track.state }, undefined, track.clock);
    return;
  }
  track.status = "voting";
  track.deputyVotes = {};
  if (deputySeats(state, track.state).length === 0) sit(state, track);
}

export const lobby: Handler<"lobby"> = {
  guard(state, seat) {
    const error = leaderIn(APPROVAL_PHASES, state, seat);
    if (error) return error;
    if ((state.capital[seat as StateId] ?? 0) < 1) return ruleError("ERR_NO_CAPITAL");
    const open = Object.values(state.approvals).some(
      (track) => track.needsVote && (track.status === "pending" || track.status === "failed"),
    );
    return open ? undefined : ruleError("ERR_NOTHING_TO_DO");
  },
  run(state, seat, action) {
    const track = state.approvals[action.target];
    if (!track || !track.needsVote || (track.status !== "pending" && track.status !== "failed")) {
      return ruleError("ERR_NOTHING_TO_DO");
    }
    if (track.lobbying >= MAX_LOBBYING) return ruleError("ERR_ALREADY_DONE");
    const id = seat as StateId;
    state.capital[id] = (state.capital[id] ?? 0) - 1;
    track.lobbying += 1;
    // Pressure from abroad is resented at home.
    if (action.target !== id) addStanding(state, action.target, -0.2);
    log(state, seat, "log.lobby", { target: action.target }, action.reason);
    return undefined;
  },
};

export const withdrawPledge: Handler<"withdrawPledge"> = {
  guard(state, seat) {
    const error = leaderIn(APPROVAL_PHASES, state, seat);
    if (error) return error;
    const track = ownTrack(state, seat);
    if (!track) return ruleError("ERR_NOT_YOUR_ROLE");
    // Approved troops are on their way: what is left is bringing them home, in the deployment.
    if (track.status === "passed")
      return {
        code: "ERR_ALREADY_DONE",
        message: { key: "error.pledgeApproved", params: { what: "approved" } },
      };
    return track.status === "withdrawn" ? ruleError("ERR_ALREADY_DONE") : undefined;
  },
  run(state, seat, action) {
    const track = ownTrack(state, seat);
    if (!track) return ruleError("ERR_NOT_YOUR_ROLE");
    track.status = "withdrawn";
    addTrack(state, "credibility", -0.5);
    addStanding(state, track.state, 0.3);
    log(state, seat, "log.withdrawPledge", undefined, action.reason, Math.max(track.clock, state.clock));
    settle(state, track);
    return undefined;
  },
};

export const deputyVote: Handler<"deputyVote"> = {
  guard(state, seat) {
    if (!(APPROVAL_PHASES as readonly string[]).includes(state.phase))
      return ruleError("ERR_WRONG_PHASE", { phase: state.phase });
    const id = deputyOf(state, seat);
    const track = id && state.approvals[id];
    if (!track) return ruleError("ERR_NOT_YOUR_ROLE");
    if (track.status !== "voting") return ruleError("ERR_WRONG_PHASE", { phase: track.status });
    return track.deputyVotes[seat as keyof typeof track.deputyVotes]
      ? ruleError("ERR_ALREADY_DONE")
      : undefined;
  },
  run(state, seat, action) {
    const id = deputyOf(state, seat) as StateId;
    const track = state.approvals[id] as ApprovalTrack;
    track.deputyVotes[seat as keyof typeof track.deputyVotes] = action.vote;
    if (Object.keys(track.deputyVotes).length === deputySeats(state, id).length) {
      sit(state, track);
      settle(state, track);
    }
    return undefined;
  },
};

/** The timer ran out: failed pledges lapse, waiting ones go to their procedure, open sittings close. */
export function approvalsTimeout(state: GameState): void {
  for (const track of Object.values(state.approvals)) {
    if (track.status === "failed") {
      track.status = "withdrawn";
      log(state, track.state, "log.lapsed", undefined, undefined, Math.max(track.clock, state.clock));
    } else if (track.status === "pending") {
      submit(state, track);
      // submit() may have opened a sitting for human deputies; nobody has voted in time.
      if (statusOf(track) === "voting") sit(state, track);
    } else if (track.status === "voting") {
      sit(state, track);
    }
    settle(state, track);
  }
}

const statusOf = (track: ApprovalTrack): ApprovalTrack["status"] => track.status;

/** Approvals that follow a bilateral answer send troops outside the CSTO. */
const isBilateral = (state: GameState): boolean => state.bilateralResponse?.response === "assist";

/**
 * After a track moved: a consent sends that contingent on its way (the first one opens the
 * deployment); when every pledge has been withdrawn, no troops will come.
 */
function settle(state: GameState, track: ApprovalTrack): void {
  if (state.ended) return;
  if (track.status === "passed") depart(state, track);
  if (track.status === "withdrawn") groundWithoutAirlift(state);
  endIfNoneLeft(state);
}

/** When every pledge has been withdrawn in the approvals, no troops will come. */
export function endIfNoneLeft(state: GameState): void {
  const tracks = Object.values(state.approvals);
  if (state.phase === "approvals" && tracks.every((other) => other.status === "withdrawn"))
    finish(state, "noContingents");
}

/**
 * A consented contingent sets off, unless it flies on aircraft that have not left yet (airlift.ts);
 * once a member's aircraft leave, the contingents waiting for them leave too.
 */
function depart(state: GameState, track: ApprovalTrack): void {
  if (state.contingents.some((contingent) => contingent.state === track.state)) return;
  const lifted = airliftDeparture(state, track.state);
  if (lifted === null) return;
  const transport = state.scenario.forces[track.state]?.transportHours ?? 24;
  const consent = track.movedEarly && track.submittedAt !== null ? track.submittedAt : track.clock;
  const departure = Math.max(consent, lifted);
  state.contingents.push({
    state: track.state,
    troops: track.troops,
    arrivesAtHour: departure + transport,
    bilateral: isBilateral(state),
    withdrawn: false,
  });
  addStanding(state, track.state, -0.3);
  if (state.phase === "approvals") enterDeployment(state, track.clock);
  for (const other of Object.values(state.approvals))
    if (other.status === "passed" && airlifterOf(state, other.state) === track.state) depart(state, other);
}

/** Pledges still waiting on their procedure. */
export function openApprovals(state: GameState): ApprovalTrack[] {
  return Object.values(state.approvals).filter(
    (track) => track.status !== "passed" && track.status !== "withdrawn",
  );
}
