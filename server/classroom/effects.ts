/** What the classroom's reducer (commands.ts) asks of the tables, and what it learns from them. */
import type { TableRequest } from "../rooms/table-port.ts";
import type { InjectRecord } from "./session.ts";

/** A request to one table (by its index in the session); an inject carries the record it leaves. */
export type Effect =
  | { table: number; request: Extract<TableRequest, { op: "seat" }>; student: string }
  | { table: number; request: Extract<TableRequest, { op: "release" | "rename" | "clock" }> }
  | {
      table: number;
      request: Extract<TableRequest, { op: "inject" }>;
      record: Omit<InjectRecord, "refused">;
    };

/** What a table answered to an effect (a room that is gone answers `ERR_GAME_OVER`). */
export type TableAnswer = { ok: true; token?: string } | { ok: false; code: string };

export interface SeatFacts {
  seat: string;
  leader: boolean;
}

/** A table as read just before the command: its current game and its seats. */
export interface TableFacts {
  gameId: string;
  seats: SeatFacts[];
}
