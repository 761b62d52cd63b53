/**
 * A game room's answers to its classroom (server/classroom, through `TablePort`): seats handed to
 * students, renamed or taken back, the facilitator's clock and injects (through the room's queue,
 * logged and replayed like any action), and the table as the dashboard shows it.
 */
import {
  apply,
  legalActions,
  outcomeOf,
  spectatorView,
  view,
  type Action,
} from "../../shared/rules/index.ts";
import type { PhaseClock } from "./clock.ts";
import type { RoomHost } from "./room-host.ts";
import type { Seating } from "./seating.ts";
import type { TableClockOp, TableReply, TableRequest, TableSnapshot } from "./table-port.ts";

/** Where the room is, as the dashboard's summary shows it. */
export interface TablePlace {
  code: string;
  gameId: string;
  /** The crisis now played, from 0, and how many the room plays. */
  crisis: number;
  crises: number;
  deadline: number;
  chatLines: number;
}

export interface TableContext {
  host: Pick<RoomHost, "game" | "finished" | "enqueue" | "commit">;
  seating: Seating;
  clock: PhaseClock;
  place(): TablePlace;
  /** Seats changed hands: the synced seats and a patch; `bots` also asks the bots to play. */
  seatsChanged(bots: boolean): void;
}

type Result = { ok: true } | { ok: false; code: string };

export async function handleTableRequest<R extends TableRequest>(
  request: R,
  table: TableContext,
): Promise<TableReply<R>> {
  return (await answer(request, table)) as TableReply<R>;
}

async function answer(request: TableRequest, table: TableContext): Promise<TableReply<TableRequest>> {
  switch (request.op) {
    case "seat": {
      const token = await table.seating.assign(request.seat, request.name);
      if (token === null) return { ok: false, code: "ERR_NO_SUCH_SEAT" };
      table.seatsChanged(true);
      return { ok: true, token };
    }
    case "rename": {
      if (!(await table.seating.rename(request.seat, request.name)))
        return { ok: false, code: "ERR_NOT_SEATED" };
      table.seatsChanged(false);
      return { ok: true };
    }
    case "release": {
      if (!(await table.seating.release(request.seat))) return { ok: false, code: "ERR_NO_SUCH_SEAT" };
      table.seatsChanged(true);
      return { ok: true };
    }
    case "clock":
      return queued(table, () => clock(table, request.clock, request.seconds));
    case "inject":
      return queued(table, async () => {
        const result = apply(table.host.game(), "system", request.action);
        if (!result.ok) return { ok: false, code: result.error.code };
        await table.host.commit("system", { ...(request.action as Action) }, result.state);
        return { ok: true };
      });
    case "snapshot":
      return snapshot(table, request.full);
  }
}

/** Runs a job in the room's one queue and resolves with its result. */
function queued<T>(table: TableContext, job: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => table.host.enqueue(async () => resolve(await job())));
}

/** The facilitator's clock: pause, resume, extend the phase, skip it, or end the game. */
async function clock(table: TableContext, op: TableClockOp, seconds: number): Promise<Result> {
  const { host } = table;
  if (host.finished() || host.game().ended) return { ok: false, code: "ERR_GAME_OVER" };
  if (op === "pause" || op === "resume") table.clock.setPaused(op === "pause");
  else if (op === "extend") table.clock.extend(Math.round(seconds * 1000));
  else {
    // Skipping a phase is the room clock's own action; ending is skipping until the debrief.
    for (let i = 0; i < (op === "end" ? 60 : 1) && !host.game().ended; i++) {
      const result = apply(host.game(), "system", { type: "timerExpired" });
      if (!result.ok) return { ok: false, code: result.error.code };
      await host.commit("system", { type: "timerExpired" }, result.state);
    }
    if (table.clock.paused && !host.finished()) table.clock.holdPaused();
  }
  return { ok: true };
}

/**
 * The table as the facilitator's dashboard shows it: the public summary, each seat's holder and
 * whether it still has something to do, chat volume; with `full`, every seat's private view too.
 */
function snapshot(table: TableContext, full: boolean): TableSnapshot {
  const game = table.host.game();
  const place = table.place();
  const pub = spectatorView(game);
  const seats = table.seating.all().map((slot) => ({
    seat: slot.seat,
    leader: slot.leader,
    holder: table.seating.holderOf(slot),
    name: slot.claim?.name ?? "",
    pending: !game.ended && legalActions(game, slot.seat).length > 0,
    /** A student holds the seat but is not connected (a bot may be playing it meanwhile). */
    absent: slot.claim !== null && !slot.sessionId,
  }));
  return {
    code: place.code,
    gameId: place.gameId,
    scenarioId: game.scenario.id,
    crisis: place.crisis + 1,
    crises: place.crises,
    phase: game.phase,
    version: game.version,
    clock: game.clock,
    deadline: place.deadline,
    paused: table.clock.paused,
    ended: game.ended !== null,
    tracks: pub.tracks as unknown as Record<string, unknown>,
    appeal: pub.appeal,
    proposal: pub.proposal,
    decision: pub.decision,
    seats,
    chat: place.chatLines,
    outcome: game.ended ? (outcomeOf(game) as unknown as Record<string, unknown>) : null,
    ...(full
      ? {
          view: pub,
          private: Object.fromEntries(seats.map((seat) => [seat.seat, view(game, seat.seat).private])),
        }
      : {}),
  };
}
