/**
 * A game room's bots on the room clock: one bot move per think delay, chosen the way the simulator
 * chooses it (`nextBotMove` of shared/bots/driver.ts, in the driver's seat order). When no bot has
 * anything to do and no human is expected to act, the room clock ends the phase, as the driver does
 * (docs/game.md, "Bots").
 */
import type { Delayed } from "@colyseus/core";
import { createBot, nextBotMove, seatOrder, type Bot } from "../../shared/bots/index.ts";
import { legalActions, type BotKind, type Seat } from "../../shared/rules/index.ts";
import type { RoomHost } from "./room-host.ts";

type BotHost = Pick<RoomHost, "setTimeout" | "enqueue" | "game" | "finished" | "commit" | "warn">;

export interface BotHooks {
  paused(): boolean;
  /** Every seat of the game now played. */
  seats(): Iterable<Seat>;
  /** The bot kind playing a seat now, or null (a human holds it, or nobody plays it yet). */
  botOf(seat: Seat): BotKind | null;
  /** No bot has a move and no human is expected to act: the room clock ends the phase. */
  expire(): Promise<void>;
}

export class BotScheduler {
  private timer: Delayed | null = null;
  /** Each seat's bot, made once per crisis (its seed is the game's and the seat's). */
  private readonly bots = new Map<Seat, Bot>();
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
  }

  /** A new crisis: new bots. */
  reset(): void {
    this.bots.clear();
  }

  private botFor(seat: Seat, kind: BotKind, seed: string): Bot {
    let bot = this.bots.get(seat);
    if (bot?.kind !== kind) {
      bot = createBot(kind, `${seed}:${seat}`);
      this.bots.set(seat, bot);
    }
    return bot;
  }

  private async pass(): Promise<void> {
    if (this.host.finished()) return;
    const game = this.host.game();
    const move = nextBotMove(
      game,
      seatOrder(game),
      (seat) => {
        const kind = this.hooks.botOf(seat);
        return kind ? this.botFor(seat, kind, game.seed) : undefined;
      },
      (seat, action, code) =>
        this.host.warn(`the rules refused ${seat}'s bot action ${action.type}: ${code}`),
    );
    if (move) return this.host.commit(move.seat, move.action, move.state);
    const waiting = [...this.hooks.seats()].some(
      (seat) => this.hooks.botOf(seat) === null && legalActions(game, seat).length > 0,
    );
    if (!waiting) await this.hooks.expire();
  }
}
