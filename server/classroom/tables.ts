/**
 * A session's tables as game rooms: opening one (a private room, every leader a bot, paused until
 * started), and reading one for the dashboard, through the table port, or from its game records once
 * the room is gone.
 */
import { matchMaker } from "@colyseus/core";
import type { TableSetup, TableSummary } from "../../shared/protocol/classroom.ts";
import { ROOM_NAME, type CreateOptions } from "../../shared/protocol/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import { RESTORE_KEY } from "../rooms/open-game.ts";
import type { TablePort } from "../rooms/table-port.ts";
import type { GameStore, StoredGame } from "../storage/index.ts";
import { votingStates, type ClassTable, type SessionData } from "./session.ts";

/** Campaign crises a table may have records of (CODE, CODE-2, …). */
const MAX_CRISES = 12;

/** A table: a private game room, every leader a bot until a student is seated, paused until started. */
export async function openTable(
  port: TablePort,
  session: SessionData,
  scenario: Scenario,
  index: number,
  setup: TableSetup,
): Promise<ClassTable> {
  const bots = Object.fromEntries(scenario.members.map((id) => [id, "historical"]));
  const deputies = Object.fromEntries(votingStates(scenario).map((id) => [id, setup.deputies ?? 0]));
  const { options } = session;
  const create: CreateOptions & { classSession: string; key: string } = {
    scenario: setup.scenario,
    bots,
    fallbackBot: "historical",
    deputies,
    private: true,
    ...(setup.campaign ? { campaign: true } : {}),
    ...(setup.seed !== undefined ? { seed: setup.seed } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.thinkMs !== undefined ? { thinkMs: options.thinkMs } : {}),
    ...(options.deliberationSeconds !== undefined
      ? { deliberationSeconds: options.deliberationSeconds }
      : {}),
    ...(options.graceSeconds !== undefined ? { graceSeconds: options.graceSeconds } : {}),
    ...(options.campaignPauseSeconds !== undefined
      ? { campaignPauseSeconds: options.campaignPauseSeconds }
      : {}),
    classSession: session.code,
    key: RESTORE_KEY,
  };
  const room = await matchMaker.createRoom(ROOM_NAME, create);
  await port.send(room.roomId, { op: "clock", clock: "pause", seconds: 0 });
  return { index, code: room.roomId, setup, started: false, paused: true };
}

/** A table's game records: its code, and a campaign's later crises CODE-2, CODE-3… */
export async function recordsOf(games: GameStore, table: ClassTable): Promise<StoredGame[]> {
  const records: StoredGame[] = [];
  for (let crisis = 1; crisis <= MAX_CRISES; crisis++) {
    const game = await games.getGame(crisis === 1 ? table.code : `${table.code}-${crisis}`);
    if (!game) break;
    records.push(game);
  }
  return records;
}

/** One table as the dashboard shows it; with `full`, every seat's private view too. */
export async function tableSummary(
  port: TablePort,
  games: GameStore,
  table: ClassTable,
  full = false,
): Promise<TableSummary & Record<string, unknown>> {
  if (await port.alive(table.code)) {
    const snapshot = await port.send(table.code, { op: "snapshot", full });
    return { ...snapshot, index: table.index, started: table.started };
  }
  // The room is gone (the game ended and everyone left): the record has the result.
  const records = await recordsOf(games, table);
  const last = records[records.length - 1];
  return {
    index: table.index,
    code: table.code,
    scenarioId: last?.scenarioId ?? table.setup.scenario,
    started: table.started,
    gameId: last?.id ?? table.code,
    crisis: records.length,
    crises: records.length,
    phase: "debrief",
    version: last?.log.length ?? 0,
    clock: 0,
    deadline: 0,
    paused: false,
    ended: true,
    tracks: (last?.result?.tracks ?? {}) as unknown as Record<string, unknown>,
    appeal: null,
    proposal: null,
    decision: null,
    seats: (last?.claims ?? []).map((claim) => ({
      seat: claim.seat,
      leader: !claim.seat.includes("."),
      holder: "open",
      name: claim.name,
      pending: false,
      absent: false,
    })),
    chat: last?.chat.length ?? 0,
    outcome: (last?.result ?? null) as Record<string, unknown> | null,
  };
}
