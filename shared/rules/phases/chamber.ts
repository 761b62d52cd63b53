/**
 * A chamber's sittings in national approvals (docs/game.md, "National approvals"): who attends, how
 * each modelled deputy votes (from its bloc's leaning and the crisis factors), and what the model
 * expects of the next sitting. Human deputies' votes take the places of modelled ones.
 */
import { overclaim } from "../framing.ts";
import { clamp, log } from "../mechanics.ts";
import { procedureOf, deputySeats, type ApprovalTrack, type GameState, type Sitting } from "../state.ts";
import type { Chamber } from "../procedures.ts";
import { Rng } from "../rng.ts";
import type { DeputyVote } from "../vocabulary.ts";

/** Added by each lobbying round to every deputy's chance of voting yes. */
const LOBBY_EFFECT = 0.05;
/** A re-vote after a failure: the leadership whips its deputies back to the chamber. */
const REVOTE_RALLY = 0.03;

/** The probability that a modelled deputy of a bloc votes yes, with the crisis factors. */
export function yesChance(state: GameState, track: ApprovalTrack, leaning: number): number {
  const standing = state.tracks.standing[track.state] ?? 5;
  const failed = track.sittings.filter((sitting) => sitting.result !== "passed").length;
  const shift = state.scenario.approvalOverrides?.[track.state]?.leaningShift ?? 0;
  return clamp(
    leaning +
      shift -
      0.03 * overclaim(state) +
      0.02 * (standing - 5) +
      LOBBY_EFFECT * track.lobbying +
      REVOTE_RALLY * failed,
    0.01,
    0.99,
  );
}

/** Share of deputies expected at the track's next sitting (the scenario may override the chamber's). */
function attendanceAt(state: GameState, track: ApprovalTrack, chamber: Chamber): number {
  const list = state.scenario.approvalOverrides?.[track.state]?.attendance ?? chamber.attendance;
  return list[Math.min(track.sittings.length, list.length - 1)] ?? 1;
}

export interface SittingForecast {
  attendance: number;
  expectedPresent: number;
  expectedYes: number;
  needed: number;
  quorum: number;
}

/** What the model expects of the next sitting: public, since every input to it is public. */
export function forecastSitting(state: GameState, track: ApprovalTrack): SittingForecast | null {
  const chamber = procedureOf(state, track.state)?.chamber;
  if (!chamber || !track.needsVote) return null;
  const attendance = attendanceAt(state, track, chamber);
  const yes = chamber.blocs.reduce(
    (n, bloc) => n + bloc.seats * attendance * yesChance(state, track, bloc.leaning),
    0,
  );
  return {
    attendance,
    expectedPresent: Math.round(chamber.seats * attendance),
    expectedYes: Math.round(yes),
    needed: chamber.needed,
    quorum: chamber.quorum,
  };
}

/** Holds one sitting: who is present, then each deputy's vote. Human deputies' votes count as cast. */
export function sit(state: GameState, track: ApprovalTrack): void {
  const proc = procedureOf(state, track.state);
  const chamber = proc?.chamber as Chamber;
  const attendance = attendanceAt(state, track, chamber);
  const humans = Object.values(track.deputyVotes) as DeputyVote[];
  const tally = { present: humans.length, yes: 0, no: 0, abstain: 0 };
  for (const ballot of humans) tally[ballot] += 1;
  const rng = new Rng(state.rng);
  // Human deputies take the places of modelled ones, from the largest bloc down.
  let seatsTaken = deputySeats(state, track.state).length;
  const blocs = [...chamber.blocs].sort((a, bloc) => bloc.seats - a.seats);
  for (const bloc of blocs) {
    const replaced = Math.min(seatsTaken, bloc.seats);
    seatsTaken -= replaced;
    const p = yesChance(state, track, bloc.leaning);
    for (let i = replaced; i < bloc.seats; i++) {
      if (!rng.chance(attendance)) continue;
      tally.present += 1;
      if (rng.chance(p)) tally.yes += 1;
      else if (rng.chance(0.7)) tally.no += 1;
      else tally.abstain += 1;
    }
  }
  state.rng = rng.state;
  track.clock += chamber.hoursPerSitting;
  const result: Sitting["result"] =
    tally.present < chamber.quorum ? "noQuorum" : tally.yes >= chamber.needed ? "passed" : "failed";
  track.sittings.push({
    ...tally,
    needed: chamber.needed,
    quorum: chamber.quorum,
    result,
    atHour: track.clock,
  });
  track.status = result === "passed" ? "passed" : "failed";
  track.deputyVotes = {};
  log(
    state,
    "system",
    `log.sitting.${result}`,
    {
      state: track.state,
      yes: tally.yes,
      no: tally.no,
      needed: chamber.needed,
      present: tally.present,
    },
    undefined,
    track.clock,
  );
}
