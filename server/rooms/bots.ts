/**
 * A game room's bots on the room clock: one bot move per think delay, each committed and sent out
 * before the next, chosen the way the simulator chooses it (`nextBotMove` of shared/bots/driver.ts,
 * in the driver's seat order). Turn discipline (docs/game.md, "Turn discipline and pace"): a move
 * that would end the phase, or call the vote, is held while a person still has a decision to make
 * and the deliberation window runs; the other bots' moves go on, and when the window has passed
 * the bots are asked again. When no bot has a move and the room waits for nobody, the room clock
 * ends the phase, as the driver does.
 */
import type { Delayed } from "@colyseus/core";
import {
  createBot,
  nextBotMove,
  seatOrder,
  type Bot,
  type BotContext,
  type BotMove,
} from "../../shared/bots/index.ts";
import type { BotKind, GameState, Seat } from "../../shared/rules/index.ts";
import type { RoomHost } from "./room-host.ts";

type BotHost = Pick<
  RoomHost,
  "setTimeout" | "enqueue" | "game" | "finished" | "commit" | "broadcast" | "warn"
>;

export interface BotHooks {
  paused(): boolean;
  /** The bot kind playing a seat now, or null (a human holds it, or nobody plays it yet). */
  botOf(seat: Seat): BotKind | null;
  /** Milliseconds the bots still hold a phase-ending move (a person is awaited and the window runs), or 0. */
  holdMs(): number;
  /** Milliseconds left of the deliberation window (0: it has passed, or the room has none). */
  windowLeftMs(): number;
  /** The window has passed: a bot chair need not wait for people who have not spoken. */
  deliberationOver(): boolean;
  /** The room waits for someone (a person who still has a decision to make). */
  waiting(): boolean;
  /** A phase-ending move is held for the people awaited (true), or none is (false); true if that changed. */
  holding(held: boolean): boolean;
  /** No bot has a move and the room waits for nobody: the room clock ends the phase. */
  expire(): Promise<void>;
}

/** A move that ends the phase (or the game), or calls the council's vote. */
export function endsTurn(game: GameState, move: BotMove): boolean {
  return move.state.phase !== game.phase || move.action.type === "callVote";
}

export class BotScheduler {
  private timer: Delayed | null = null;
  /** Asks the bots again when the deliberation window ends. */
  private windowTimer: Delayed | null = null;
  /** Each seat's bot, made once per crisis (its seed is the game's and the seat's). */
  private readonly bots = new Map<Seat, Bot>();
  /** Moves held for the window, by seat, for the state they were chosen in (not asked twice). */
  private readonly held = new Map<Seat, { game: GameState; move: BotMove }>();
  private readonly host: BotHost;
  private readonly hooks: BotHooks;
  private readonly thinkMs: number;

  constructor(host: BotHost, hooks: BotHooks, thinkMs: number) {
    this.host = host;
    this.hooks = hooks;
    this.thinkMs = thinkMs;
  }

  /** Asks the bots for a move after the think delay, unless a pass is already due. */
  schedule(): void {
    if (this.host.finished() || this.timer || this.hooks.paused()) return;
    this.timer = this.host.setTimeout(() => {
      this.timer = null;
      this.host.enqueue(() => this.pass());
    }, this.thinkMs);
  }

  /** Cancels the pass that is due; a later `schedule` may arm another. */
  stop(): void {
    this.timer?.clear();
    this.timer = null;
    this.windowTimer?.clear();
    this.windowTimer = null;
  }

  /** A new crisis: new bots. */
  reset(): void {
    this.bots.clear();
    this.held.clear();
  }

  private botFor(seat: Seat, kind: BotKind, seed: string): Bot {
    let bot = this.bots.get(seat);
    if (bot?.kind !== kind) {
      bot = createBot(kind, `${seed}:${seat}`);
      this.bots.set(seat, bot);
    }
    return bot;
  }

  /** The seat's bot move in this state: the one held for it, or its bot's answer now. */
  private moveOf(game: GameState, seat: Seat, kind: BotKind, context: BotContext): BotMove | null {
    const held = this.held.get(seat);
    if (held?.game === game) return held.move;
    this.held.delete(seat);
    return nextBotMove(
      game,
      [seat],
      () => this.botFor(seat, kind, game.seed),
      (_, action, code) => this.host.warn(`the rules refused ${seat}'s bot action ${action.type}: ${code}`),
      context,
    );
  }

  private async pass(): Promise<void> {
    this.windowTimer?.clear();
    this.windowTimer = null;
    if (this.host.finished() || this.hooks.paused()) return;
    const game = this.host.game();
    const holdMs = this.hooks.holdMs();
    const context: BotContext = { deliberationOver: this.hooks.deliberationOver() };
    let holding = false;
    for (const seat of seatOrder(game)) {
      const kind = this.hooks.botOf(seat);
      const move = kind ? this.moveOf(game, seat, kind, context) : null;
      if (!move) continue;
      if (holdMs > 0 && endsTurn(game, move)) {
        this.held.set(seat, { game, move });
        holding = true;
        continue;
      }
      this.held.clear();
      this.hooks.holding(false);
      return this.host.commit(move.seat, move.action, move.state);
    }
    if (this.hooks.holding(holding)) this.host.broadcast();
    if (holding) {
      this.windowTimer = this.host.setTimeout(() => {
        this.windowTimer = null;
        this.host.enqueue(() => this.pass());
      }, holdMs);
      return;
    }
    if (!this.hooks.waiting()) {
      await this.hooks.expire();
      return;
    }
    // A person is silent and no bot has a move yet: when the window passes, a bot chair may call
    // the vote without them (docs/game.md, "Turn discipline and pace"), so the bots are asked again.
    const left = this.hooks.windowLeftMs();
    if (left > 0)
      this.windowTimer = this.host.setTimeout(() => {
        this.windowTimer = null;
        this.host.enqueue(() => this.pass());
      }, left);
  }
}
