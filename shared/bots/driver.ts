/**
 * Plays a game with bots, without a network: the simulator's loop and the reference for the room's
 * bot scheduling. Each pass asks every seat once — the chair first, the affected state last (others
 * speak before it decides) — and when a whole pass brings no action, the room clock expires the phase.
 */
import type { Action } from "../rules/actions.ts";
import { apply } from "../rules/apply.ts";
import { legalActions } from "../rules/legal.ts";
import type { LoggedAction } from "../rules/replay.ts";
import type { GameState, Seat } from "../rules/state.ts";
import { view } from "../rules/view.ts";
import type { StateId } from "../rules/vocabulary.ts";
import type { Bot, BotContext } from "./bot.ts";

/** Steps after which a game is cut short (a safety net; real games take well under a hundred). */
export const MAX_STEPS = 2000;

export function seatOrder(state: GameState): StateId[] {
  const { members, chair, host } = state.scenario;
  const rest = members.filter((member) => member !== chair && member !== host);
  return chair === host ? [chair, ...rest] : [chair, ...rest, host];
}

/** The bot's next accepted action for a seat, or null. A refused bot action is a bug, so it is reported. */
export function botStep(
  state: GameState,
  seat: Seat,
  bot: Bot,
  context?: BotContext,
): { state: GameState; action: Action } | { refused: Action; code: string } | null {
  const legal = legalActions(state, seat);
  if (legal.length === 0) return null;
  const action = bot.act(view(state, seat), legal, context);
  if (!action) return null;
  const result = apply(state, seat, action);
  return result.ok ? { state: result.state, action } : { refused: action, code: result.error.code };
}

/** A bot's accepted move: who made it, the action, and the state after it. */
export interface BotMove {
  seat: Seat;
  action: Action;
  state: GameState;
}

/**
 * The next bot move among these seats, taken in the order given: the first seat whose bot has an
 * accepted action. A seat without a bot is passed over; a refused bot action (a bug) is reported to
 * `onRefused` and the next seat is asked. Both `playGame` and the game room schedule bots with it.
 */
export function nextBotMove(
  state: GameState,
  seats: readonly Seat[],
  botFor: (seat: Seat) => Bot | undefined,
  onRefused: (seat: Seat, action: Action, code: string) => void,
  context?: BotContext,
): BotMove | null {
  for (const seat of seats) {
    const bot = botFor(seat);
    if (!bot) continue;
    const step = botStep(state, seat, bot, context);
    if (!step) continue;
    if ("refused" in step) {
      onRefused(seat, step.refused, step.code);
      continue;
    }
    return { seat, action: step.action, state: step.state };
  }
  return null;
}

export interface PlayedGame {
  state: GameState;
  log: LoggedAction[];
  /** Bot actions the rules refused (should stay at zero). */
  refused: { seat: Seat; action: Action; code: string }[];
}

export function playGame(initial: GameState, bots: Partial<Record<Seat, Bot>>): PlayedGame {
  let state = initial;
  const log: LoggedAction[] = [];
  const refused: PlayedGame["refused"] = [];
  const order = seatOrder(state);
  const botFor = (seat: Seat) => bots[seat];
  const onRefused = (seat: Seat, action: Action, code: string) => refused.push({ seat, action, code });
  while (!state.ended && log.length < MAX_STEPS) {
    // One pass: each seat in order gets one chance to move, on the state the seats before it left.
    let rest: readonly Seat[] = order;
    let moved = false;
    while (!state.ended) {
      const move = nextBotMove(state, rest, botFor, onRefused);
      if (!move) break;
      state = move.state;
      log.push({ seat: move.seat, action: move.action });
      moved = true;
      rest = rest.slice(rest.indexOf(move.seat) + 1);
    }
    if (!moved && !state.ended) {
      const result = apply(state, "system", { type: "timerExpired" });
      if (!result.ok) break;
      state = result.state;
      log.push({ seat: "system", action: { type: "timerExpired" } });
    }
  }
  return { state, log, refused };
}
