/**
 * The classroom's effect runner: the I/O around the pure reducer (commands.ts). It reads the tables
 * a command needs (through the table port), applies the command, then sends its effects in order,
 * feeding each table's answer back as the follow-up command `replied`. A follow-up that refuses (a
 * table would not seat a student) stops the run; what ran until then stays done, and is saved, but a
 * student whose seat no table confirmed is left with no seat. A failed read of the tables changes nothing.
 */
import { randomInt } from "node:crypto";
import type { TablePort } from "../rooms/table-port.ts";
import {
  answerOf,
  applyCommand,
  tablesRead,
  type ClassCommand,
  type CommandContext,
  type Done,
  type Refusal,
} from "./commands.ts";
import type { Effect, TableAnswer, TableFacts } from "./effects.ts";
import { unseatUnconfirmed } from "./seating.ts";
import type { SessionData } from "./session.ts";

export interface Run {
  /** The session after what ran (the one given, when the command was refused outright). */
  session: SessionData;
  changed: boolean;
  answer: { ok: true; body: object } | Refusal;
  /** A table call failed (threw): the run stopped there. Not an Error itself: wrapped in one, as its cause. */
  failure?: Error;
}

/** The tables as the command needs them: their game and seats, or null for a room that is gone. */
async function readTables(
  port: TablePort,
  session: SessionData,
  indexes: number[],
): Promise<Map<number, TableFacts | null>> {
  const facts = new Map<number, TableFacts | null>();
  for (const index of indexes) {
    const table = session.tables[index];
    if (!table) continue;
    if (!(await port.alive(table.code))) {
      facts.set(index, null);
      continue;
    }
    const snapshot = await port.send(table.code, { op: "snapshot", full: false });
    facts.set(index, {
      gameId: snapshot.gameId,
      seats: snapshot.seats.map((seat) => ({ seat: seat.seat, leader: seat.leader })),
    });
  }
  return facts;
}

function shuffle(ids: string[]): string[] {
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

async function send(port: TablePort, session: SessionData, effect: Effect): Promise<TableAnswer> {
  const code = session.tables[effect.table]?.code;
  if (code === undefined || !(await port.alive(code))) return { ok: false, code: "ERR_GAME_OVER" };
  return port.send(code, effect.request);
}

const asError = (thrown: unknown): Error =>
  thrown instanceof Error ? thrown : new Error("a table call failed", { cause: thrown });

export async function runCommand(port: TablePort, session: SessionData, command: ClassCommand): Promise<Run> {
  const shuffling = command.type === "autoSeat" && command.shuffle === true;
  let tables: CommandContext["tables"];
  try {
    tables = await readTables(port, session, tablesRead(session, command));
  } catch (thrown) {
    // Nothing changed yet; the command is still logged as refused by the table.
    return { session, changed: false, answer: { ok: false, code: "ERR_TABLE" }, failure: asError(thrown) };
  }
  const context: CommandContext = {
    now: Date.now(),
    tables,
    shuffled: shuffling ? shuffle(session.students.map((student) => student.id)) : [],
  };
  const first = applyCommand(session, command, context);
  if (!first.ok) return { session, changed: false, answer: first };
  let current = first.session;
  const queue = [...first.effects];
  const done: Done[] = [];
  for (let effect = queue.shift(); effect; effect = queue.shift()) {
    let reply: TableAnswer;
    try {
      reply = await send(port, current, effect);
    } catch (thrown) {
      const stopped = unseatUnconfirmed(current, [effect, ...queue]);
      return {
        session: stopped,
        changed: true,
        answer: { ok: false, code: "ERR_TABLE" },
        failure: asError(thrown),
      };
    }
    done.push({ effect, reply });
    const next = applyCommand(current, { type: "replied", effect, reply }, { ...context, now: Date.now() });
    if (!next.ok)
      return { session: unseatUnconfirmed(current, [effect, ...queue]), changed: true, answer: next };
    current = next.session;
    queue.unshift(...next.effects);
  }
  return { session: current, changed: true, answer: answerOf(command, done) };
}
