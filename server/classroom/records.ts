/**
 * The class debrief and its exports: a summary of every table's game(s) beside what really happened,
 * a CSV with one row per decision (table, seat, student, phase, action, time) and the JSON game
 * records. The printable page is print.ts.
 */
import {
  apply,
  createGame,
  type Action,
  type GameOutcome,
  type GameState,
} from "../../shared/rules/index.ts";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { StoredGame } from "../storage/index.ts";
import type { Classrooms } from "./service.ts";
import { rosterOf, type InjectRecord } from "./session.ts";

export interface GameSummaryRow {
  table: number;
  gameId: string;
  scenarioId: string;
  title: string;
  finished: boolean;
  /** What the table did (null while the game runs). */
  outcome:
    | (Pick<
        GameOutcome,
        | "endReason"
        | "decided"
        | "form"
        | "hoursToDecision"
        | "deployed"
        | "totalTroops"
        | "failedApprovals"
        | "refusedToSign"
        | "crisisLost"
        | "allianceResult"
        | "historical"
      > & { scores: Record<string, number> })
    | null;
  /** What really happened. */
  history: Scenario["historical"]["outcome"];
  players: { seat: string; name: string }[];
  decisions: number;
  chat: number;
}

export interface ClassSummary {
  code: string;
  title: string;
  tables: number;
  games: GameSummaryRow[];
  injects: InjectRecord[];
  /** Across the finished games: how many deployed, in which form, the fastest decision, who balked. */
  totals: {
    finished: number;
    deployed: number;
    forms: Record<string, number>;
    fastestDecisionHours: number | null;
    balked: Record<string, number>;
    matchedHistory: number;
  };
}

/** Replays a record one action at a time: each action with the state it was taken in. */
export function* steps(
  game: StoredGame,
  scenario: Scenario,
): Generator<{ state: GameState; entry: StoredGame["log"][number] | null }> {
  let state: GameState = createGame({
    scenario,
    seed: game.seed,
    seats: game.seats,
    ...(game.carry ? { carry: game.carry } : {}),
  });
  for (const entry of game.log) {
    yield { state, entry };
    const result = apply(state, entry.seat, entry.action);
    if (result.ok) state = result.state;
  }
  // Last, the state the record ends in.
  yield { state, entry: null };
}

/** The state a record ends in. */
export function replayed(game: StoredGame, scenario: Scenario): GameState {
  let last: GameState | undefined;
  for (const { state } of steps(game, scenario)) last = state;
  return last as GameState;
}

export async function classSummary(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
): Promise<ClassSummary> {
  const session = await rooms.session(code);
  const games: GameSummaryRow[] = [];
  for (const table of session.tables) {
    for (const game of await rooms.recordsOf(table)) {
      const scenario = scenarios.get(game.scenarioId);
      if (!scenario) continue;
      const outcome = game.result;
      games.push({
        table: table.index,
        gameId: game.id,
        scenarioId: game.scenarioId,
        title: scenario.title.en,
        finished: game.status === "finished",
        outcome: outcome
          ? {
              endReason: outcome.endReason,
              decided: outcome.decided,
              form: outcome.form,
              hoursToDecision: outcome.hoursToDecision,
              deployed: outcome.deployed,
              totalTroops: outcome.totalTroops,
              failedApprovals: outcome.failedApprovals,
              refusedToSign: outcome.refusedToSign,
              crisisLost: outcome.crisisLost,
              allianceResult: outcome.allianceResult,
              historical: outcome.historical,
              scores: Object.fromEntries(
                Object.entries(outcome.scores).map(([id, card]) => [id, card.total]),
              ),
            }
          : null,
        history: scenario.historical.outcome,
        players: game.claims
          .filter((claim) => claim.name)
          .map((claim) => ({ seat: claim.seat, name: claim.name })),
        decisions: game.log.filter((entry) => entry.seat !== "system").length,
        chat: game.chat.length,
      });
    }
  }
  const done = games.filter((game) => game.outcome);
  const forms: Record<string, number> = {};
  const balked: Record<string, number> = {};
  for (const game of done) {
    const outcome = game.outcome as NonNullable<GameSummaryRow["outcome"]>;
    if (outcome.decided) forms[outcome.form] = (forms[outcome.form] ?? 0) + 1;
    for (const id of outcome.failedApprovals) balked[id] = (balked[id] ?? 0) + 1;
  }
  const hours = done
    .map((game) => game.outcome?.hoursToDecision)
    .filter((h): h is number => typeof h === "number");
  return {
    code: session.code,
    title: session.title,
    tables: session.tables.length,
    games,
    injects: session.injects,
    totals: {
      finished: done.length,
      deployed: done.filter((game) => game.outcome?.deployed).length,
      forms,
      fastestDecisionHours: hours.length ? Math.min(...hours) : null,
      balked,
      matchedHistory: done.filter((game) => game.outcome?.historical.matches).length,
    },
  };
}

function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // A spreadsheet must not take a student's name for a formula.
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per logged decision: table, game, seat, student, phase, action, its details, time. */
export async function classCsv(
  rooms: Classrooms,
  code: string,
  scenarios: Map<string, Scenario>,
): Promise<string> {
  const session = await rooms.session(code);
  const rows: unknown[][] = [["table", "game", "seat", "student", "phase", "action", "detail", "time"]];
  for (const table of session.tables) {
    for (const game of await rooms.recordsOf(table)) {
      const scenario = scenarios.get(game.scenarioId);
      if (!scenario) continue;
      const names = new Map(game.claims.map((claim) => [claim.seat, claim.name]));
      for (const { state, entry } of steps(game, scenario)) {
        if (!entry) continue;
        const { type, ...detail } = entry.action as Action & Record<string, unknown>;
        rows.push([
          table.index + 1,
          game.id,
          entry.seat,
          names.get(entry.seat) ?? "",
          state.phase,
          type,
          Object.keys(detail).length ? detail : "",
          new Date(entry.at).toISOString(),
        ]);
      }
    }
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The session and every table's game records (token hashes left out), with the session's log. */
export async function classJson(rooms: Classrooms, code: string) {
  const session = await rooms.session(code);
  const records = [];
  for (const table of session.tables) {
    for (const game of await rooms.recordsOf(table)) {
      records.push({
        table: table.index,
        ...game,
        claims: game.claims.map((claim) => ({ seat: claim.seat, name: claim.name })),
      });
    }
  }
  return {
    session: {
      code: session.code,
      title: session.title,
      createdAt: session.createdAt,
      tables: session.tables.map((table) => ({ index: table.index, code: table.code, ...table.setup })),
      roster: rosterOf(session),
      injects: session.injects,
    },
    log: await rooms.classLog(code),
    records,
  };
}
