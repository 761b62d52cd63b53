/**
 * The typed port between the classroom and a game room. The classroom never names a room method:
 * it sends one of these requests, and the room answers through its single entry point
 * (`TABLE_ENTRY`), wherever in the cluster the room lives. No client can reach the entry point;
 * only the matchmaker's remote call does.
 */
import { matchMaker } from "@colyseus/core";
import type { TableSummary } from "../../shared/protocol/classroom.ts";

/** A facilitator's clock control of one table. */
export type TableClockOp = "pause" | "resume" | "skip" | "end" | "extend";

export type TableRequest =
  /** Hands a seat to a student: a fresh seat token, stored like any claim. */
  | { op: "seat"; seat: string; name: string }
  /** Renames the student holding a seat. */
  | { op: "rename"; seat: string; name: string }
  /** Takes a seat from its student: a bot plays it, and the old token no longer returns it. */
  | { op: "release"; seat: string }
  | { op: "clock"; clock: TableClockOp; seconds: number }
  /** A facilitator's inject, as the system seat's `inject` action (validated by the rules). */
  | { op: "inject"; action: unknown }
  /** The table as the dashboard shows it; with `full`, every seat's private view too. */
  | { op: "snapshot"; full: boolean };

/** The table as the dashboard reads it, before the classroom adds its own fields. */
export type TableSnapshot = Omit<TableSummary, "index" | "started"> & {
  view?: unknown;
  private?: Record<string, unknown>;
};

export type TableReply<R extends TableRequest> = R extends { op: "seat" }
  ? { ok: true; token: string } | { ok: false; code: string }
  : R extends { op: "snapshot" }
    ? TableSnapshot
    : { ok: true } | { ok: false; code: string };

/** What a room implements to take part in a class. */
export interface TableHandler {
  handleTableRequest<R extends TableRequest>(request: R): Promise<TableReply<R>>;
}

/** The name of the room's entry point, checked against the handler's type. */
export const TABLE_ENTRY = "handleTableRequest" satisfies keyof TableHandler;

/** What the classroom calls: a table by its room code, anywhere in the cluster. */
export interface TablePort {
  /** Whether a room with this code is running (in any process). */
  alive(code: string): Promise<boolean>;
  send<R extends TableRequest>(code: string, request: R): Promise<TableReply<R>>;
}

/** The port over Colyseus's matchmaker: a remote call to the room's one entry point. */
export const matchmakerTablePort: TablePort = {
  async alive(code) {
    return (await matchMaker.query({ roomId: code })).length > 0;
  },
  async send(code, request) {
    // The matchmaker's remote call is untyped; the entry point's signature above is the contract.
    return (await matchMaker.remoteRoomCall<TableHandler>(code, TABLE_ENTRY, [request])) as never;
  },
};
