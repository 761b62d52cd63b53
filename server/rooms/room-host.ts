/**
 * What a game room lends its parts (seating, clock, bots, chat, the classroom's requests): callbacks,
 * never the room itself, so no part depends on Colyseus's `Room` or on another part's insides. Each
 * part takes the few of these it needs.
 */
import type { Delayed } from "@colyseus/core";
import type { Action, GameState, Seat } from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { GameStore } from "../storage/index.ts";

export interface RoomHost {
  /** A timer on the room clock (cleared with the room). */
  setTimeout(callback: () => void, ms: number): Delayed;
  /** Runs a job in the room's one queue, after the actions of clients, bots, timers and the classroom before it. */
  enqueue(job: () => Promise<void> | void): void;
  /** The game now played. */
  game(): GameState;
  /** The room is done with its game (it ended; in a campaign, the last crisis ended). */
  finished(): boolean;
  /** Stores an accepted action, and only then makes it the room's state and sends it out. */
  commit(seat: Seat, action: Action, next: GameState): Promise<void>;
  /** Sends the synced state's changes now. */
  broadcast(): void;
  /** The store, and the id under which it keeps the game now played. */
  store(): GameStore;
  /** A scenario this process knows, by id. */
  scenario(id: string): Scenario | undefined;
  gameId(): string;
  /** A line in the server's log about this room: a warning, or a fault with its error. */
  warn(message: string): void;
  fault(message: string, err: unknown): void;
}
