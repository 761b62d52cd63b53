/** The shape of one action's rules, and the checks most of them share. */
import type { ActionOf, ActionType } from "../actions.ts";
import { ruleError, type RuleError } from "../errors.ts";
import type { DeputySeat, GameState, Seat } from "../state.ts";
import type { Phase, StateId } from "../vocabulary.ts";

export interface Handler<T extends ActionType> {
  /**
   * The parameter-free checks (phase, role, already done). An action whose guard passes is listed
   * by `legalActions`; `run` may still refuse its parameters.
   */
  guard(state: GameState, seat: Seat): RuleError | undefined;
  /** Checks the parameters and changes the draft (a fresh copy). Returns an error to reject. */
  run(draft: GameState, seat: Seat, action: ActionOf<T>): RuleError | undefined;
}

export type HandlerMap = { [T in ActionType]: Handler<T> };

export function leaderOf(state: GameState, seat: Seat): StateId | undefined {
  return (state.scenario.members as readonly string[]).includes(seat) ? (seat as StateId) : undefined;
}

/** Canonical deputy seats only (`KG.d1`, never `KG.d01`), so one deputy cannot vote twice. */
const DEPUTY = /^([A-Z]{2})\.d([1-9]\d{0,2})$/;

/** The state a deputy seat belongs to, if the seat exists in this game. */
export function deputyOf(state: GameState, seat: Seat): StateId | undefined {
  const match = DEPUTY.exec(seat);
  if (!match) return undefined;
  const id = match[1] as StateId;
  const n = Number(match[2]);
  return n >= 1 && n <= (state.seats.deputies?.[id] ?? 0) && state.scenario.members.includes(id)
    ? id
    : undefined;
}

export function isKnownSeat(state: GameState, seat: unknown): seat is Seat {
  return (
    typeof seat === "string" &&
    (seat === "system" || !!leaderOf(state, seat as Seat) || !!deputyOf(state, seat as DeputySeat))
  );
}

/** The common guard: the right phase, and a leader's seat. */
export function leaderIn(phases: readonly Phase[], state: GameState, seat: Seat): RuleError | undefined {
  if (!phases.includes(state.phase)) return ruleError("ERR_WRONG_PHASE", { phase: state.phase });
  if (!leaderOf(state, seat)) return ruleError("ERR_NOT_YOUR_ROLE");
  return undefined;
}

export function hostIn(phases: readonly Phase[], state: GameState, seat: Seat): RuleError | undefined {
  return (
    leaderIn(phases, state, seat) ??
    (seat === state.scenario.host ? undefined : ruleError("ERR_NOT_YOUR_ROLE"))
  );
}
