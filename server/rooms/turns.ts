/**
 * Turn discipline (docs/game.md, "Turn discipline and pace"): whom the room waits on, and the
 * deliberation window. The seats `awaitedSeats` names that a person holds (a human, or one away
 * within the grace period) are synced as `waitingFor`; while any is awaited, the bots hold a move
 * that would end the phase until the window has passed. The window runs on the room's running time
 * (a pause stops it) and restarts with each new phase, council round or text on the table.
 */
import type { SeatHolder } from "../../shared/protocol/index.ts";
import { awaitedSeats, type GameState, type Seat } from "../../shared/rules/index.ts";
import type { RoomState } from "../sync/schema.ts";
import type { RoomHost } from "./room-host.ts";

export interface TurnsHooks {
  /** Who holds a seat now. */
  holder(seat: Seat): SeatHolder;
  /** Nobody has claimed a seat yet: the room's first player is still on the way. */
  unclaimed(): boolean;
  /** Milliseconds of the room's running time (it stands still while the room is paused). */
  now(): number;
}

type TurnsSynced = Pick<RoomState, "waitingFor" | "botsDeciding" | "holding">;

const isPerson = (holder: SeatHolder): boolean => holder === "human" || holder === "away";

/** What restarts the window: the phase (and when it began), the council round, the text on the table. */
export function windowKey(game: GameState): string {
  const text = game.proposal ? { ...game.proposal, contingents: undefined } : null;
  return JSON.stringify([game.phase, game.phaseStartedAt, game.round, text]);
}

export class Turns {
  private readonly host: Pick<RoomHost, "game">;
  private readonly hooks: TurnsHooks;
  private readonly synced: TurnsSynced;
  private readonly windowMs: number;
  private key = "";
  private startedAt = 0;
  private awaitedOf: { game: GameState; seats: Seat[] } | null = null;

  constructor(host: Pick<RoomHost, "game">, hooks: TurnsHooks, windowSeconds: number, synced: TurnsSynced) {
    this.host = host;
    this.hooks = hooks;
    this.windowMs = Math.round(windowSeconds * 1000);
    this.synced = synced;
  }

  /** The seats the game now played waits on (computed once per state). */
  awaited(): Seat[] {
    const game = this.host.game();
    if (this.awaitedOf?.game !== game) this.awaitedOf = { game, seats: awaitedSeats(game) };
    return this.awaitedOf.seats;
  }

  /** Awaited seats a person holds. */
  people(): Seat[] {
    return this.awaited().filter((seat) => isPerson(this.hooks.holder(seat)));
  }

  /**
   * The room waits for someone: a person still has a decision to make, or (in the briefing, before
   * anyone has taken a seat: the creator is on the way) an open seat does. Otherwise, when no bot has a move, the room clock ends the phase.
   */
  waiting(): boolean {
    if (this.people().length > 0) return true;
    if (this.host.game().phase !== "briefing" || !this.hooks.unclaimed()) return false;
    return this.awaited().some((seat) => this.hooks.holder(seat) === "open");
  }

  /** How long the bots still hold a phase-ending move: what is left of the window while a person is awaited, else 0. */
  holdMs(): number {
    if (this.people().length === 0) return 0;
    return this.windowLeftMs();
  }

  /** What is left of the deliberation window (0 when it has passed, or when the room has none). */
  windowLeftMs(): number {
    this.observe();
    if (this.windowMs === 0) return 0;
    return Math.max(0, this.startedAt + this.windowMs - this.hooks.now());
  }

  /** The room's window has run its course: a bot chair need not wait for silent people any longer. */
  deliberationOver(): boolean {
    return this.windowMs > 0 && this.windowLeftMs() === 0;
  }

  /** A bot holds a phase-ending move for the people awaited (true), or holds none now; true if that changed. */
  setHolding(holding: boolean): boolean {
    if (this.synced.holding === holding) return false;
    this.synced.holding = holding;
    return true;
  }

  /** After each change of the game or of the seats: the window's start, and whom the room waits on. */
  update(): void {
    this.observe();
    const people = this.people();
    const list = this.synced.waitingFor;
    if (list.length !== people.length || people.some((seat, i) => list[i] !== seat)) {
      list.clear();
      list.push(...people);
    }
    const bots = people.length === 0 && this.awaited().some((seat) => this.hooks.holder(seat) === "bot");
    if (this.synced.botsDeciding !== bots) this.synced.botsDeciding = bots;
    // Nobody is left to hold a move for.
    if (people.length === 0) this.setHolding(false);
  }

  private observe(): void {
    const key = windowKey(this.host.game());
    if (key === this.key) return;
    this.key = key;
    this.startedAt = this.hooks.now();
  }
}
