/** Building sessions and commands for the classroom reducer's tests (commands, clock-commands). */
import { expect } from "vitest";
import {
  applyCommand,
  type ClassCommand,
  type CommandContext,
  type CommandResult,
} from "../../server/classroom/commands.ts";
import type { Effect, TableFacts } from "../../server/classroom/effects.ts";
import type { SessionData, Student } from "../../server/classroom/session.ts";

const LEADERS = ["RU", "KZ", "BY"];
export const facts = (gameId: string, seats = [...LEADERS, "KZ.d1"]): TableFacts => ({
  gameId,
  seats: seats.map((seat) => ({ seat, leader: !seat.includes(".") })),
});

export function student(id: string, name: string, more: Partial<Student> = {}): Student {
  return {
    id,
    name,
    tokenHash: `hash-${id}`,
    status: "admitted",
    table: null,
    seat: null,
    seatToken: null,
    bot: false,
    joinedAt: 1,
    ...more,
  };
}

export function sessionWith(students: Student[], more: Partial<SessionData> = {}): SessionData {
  return {
    code: "ABCDEF",
    title: "",
    createdAt: 0,
    requireApproval: false,
    options: {},
    tables: [0, 1].map((index) => ({
      index,
      code: `ROOM${index}`,
      setup: { scenario: "kazakhstan-2022-01" },
      started: false,
      paused: true,
    })),
    students,
    nextStudent: students.length + 1,
    injects: [],
    ...more,
  };
}

export const context = (
  tables: Record<number, TableFacts | null> = {},
  shuffled: string[] = [],
): CommandContext => ({
  now: 1000,
  tables: new Map(Object.entries(tables).map(([index, table]) => [Number(index), table])),
  shuffled,
});

/** Applies the command and checks the session given is left as it was. */
export function apply(session: SessionData, command: ClassCommand, ctx = context()): CommandResult {
  const before = structuredClone(session);
  const result = applyCommand(session, command, ctx);
  expect(session).toEqual(before);
  return result;
}

export function accepted(result: CommandResult): { session: SessionData; effects: Effect[] } {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result;
}

export const seated = (id: string, name: string, table: number, seat: string) =>
  student(id, name, { table, seat, seatToken: `token-${id}` });
