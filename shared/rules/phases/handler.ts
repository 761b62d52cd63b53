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
  guard(s: GameState, seat: Seat): RuleError | undefined;
  /** Checks the parameters and changes the draft (a fresh copy). Returns an error to reject. */
  run(draft: GameState, seat: Seat, action: ActionOf<T>): RuleError | undefined;
}

export type HandlerMap = { [T in ActionType]: Handler<T> };

export function leaderOf(s: GameState, seat: Seat): StateId | undefined {
  return (s.scenario.members as readonly string[]).includes(seat) ? (seat as StateId) : undefined;
}

/** Canonical deputy seats only (`KG.d1`, never `KG.d01`), so one deputy cannot vote twice. */
const DEPUTY = /^([A-Z]{2})\.d([1-9]\d{0,2})$/;

/** The state a deputy seat belongs to, if the seat exists in this game. */
export function deputyOf(s: GameState, seat: Seat): StateId | undefined {
  const m = DEPUTY.exec(seat);
  if (!m) return undefined;
  const id = m[1] as StateId;
  const n = Number(m[2]);
  return n >= 1 && n <= (s.seats.deputies?.[id] ?? 0) && s.scenario.members.includes(id) ? id : undefined;
}

export function isKnownSeat(s: GameState, seat: unknown): seat is Seat {
  return (
    typeof seat === "string" &&
    (seat === "system" || !!leaderOf(s, seat as Seat) || !!deputyOf(s, seat as DeputySeat))
  );
}

/** The common guard: the right phase, and a leader's seat. */
export function leaderIn(phases: readonly Phase[], s: GameState, seat: Seat): RuleError | undefined {
  if (!phases.includes(s.phase)) return ruleError("ERR_WRONG_PHASE", { phase: s.phase });
  if (!leaderOf(s, seat)) return ruleError("ERR_NOT_YOUR_ROLE");
  return undefined;
}

export function hostIn(phases: readonly Phase[], s: GameState, seat: Seat): RuleError | undefined {
  return leaderIn(phases, s, seat) ?? (seat === s.scenario.host ? undefined : ruleError("ERR_NOT_YOUR_ROLE"));
}
