/**
 * Game records live behind this one small interface; `sqlite.ts` (the default, a file under
 * DATA_DIR) and `postgres.ts` (when DATABASE_URL is set) implement it. The room writes each accepted
 * action through `appendAction` and waits for it before anyone sees the result, so a crash loses
 * nothing that a player saw.
 */
import type { Action, CampaignCarry, GameOutcome, Seat, SeatsConfig } from "../../shared/rules/index.ts";
import type { CreateOptions } from "../../shared/protocol/index.ts";

export type GameStatus = "active" | "finished";

export interface NewGame {
  /** The room code; also the game's id. */
  id: string;
  scenarioId: string;
  seed: string;
  rulesVersion: number;
  seats: SeatsConfig;
  carry?: CampaignCarry;
  /** The room's options (bots, timers, privacy…), so a restarted room is the same room. */
  options: CreateOptions;
  createdAt: number;
}

export interface StoredAction {
  seat: Seat;
  action: Action;
  at: number;
}

export interface StoredChat {
  from: string;
  to: string | null;
  text: string;
  at: number;
}

export interface SeatClaim {
  seat: string;
  /** A hash of the seat token; the token itself is only ever held by the client. */
  tokenHash: string;
  name: string;
}

export interface GameSummary {
  id: string;
  scenarioId: string;
  status: GameStatus;
  private: boolean;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  actions: number;
}

export interface StoredGame extends NewGame {
  status: GameStatus;
  updatedAt: number;
  finishedAt: number | null;
  log: StoredAction[];
  chat: StoredChat[];
  claims: SeatClaim[];
  result: GameOutcome | null;
}

export interface GameStore {
  readonly kind: "sqlite" | "postgres";
  createGame(game: NewGame): Promise<void>;
  /** Appends the action at `index` (= the number of actions before it); a duplicate index fails. */
  appendAction(id: string, index: number, entry: StoredAction): Promise<void>;
  appendChat(id: string, line: StoredChat): Promise<void>;
  /** Records (or replaces) who holds a seat. */
  claimSeat(id: string, claim: SeatClaim): Promise<void>;
  finishGame(id: string, result: GameOutcome, at: number): Promise<void>;
  getGame(id: string): Promise<StoredGame | undefined>;
  hasGame(id: string): Promise<boolean>;
  listGames(filter: { status?: GameStatus; limit?: number }): Promise<GameSummary[]>;
  unfinishedGames(): Promise<string[]>;
  /**
   * Runs `fn` while holding a lock named `key` that every process sharing this store respects
   * (a PostgreSQL advisory lock; within the one process for SQLite). Two processes must not both
   * restore the same game.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** A trivial query: throws when the database does not answer (for `/healthz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
