/**
 * The classroom's reducer on its own (no server, no rooms): the clock and injects, the tables'
 * answers coming back, the command's answer, and what each command reads from the tables first.
 */
import { describe, expect, test } from "vitest";
import { answerOf, tablesRead } from "../../server/classroom/commands.ts";
import type { Effect } from "../../server/classroom/effects.ts";
import { accepted, apply, context, facts, sessionWith, student } from "./reducer.ts";

describe("clock and injects", () => {
  test("control: start marks the tables started and resumes them; a table that is not there is refused", () => {
    const { session, effects } = accepted(
      apply(sessionWith([]), { type: "control", table: "all", op: "start" }),
    );
    expect(session.tables.map((table) => table.started)).toEqual([true, true]);
    expect(effects).toEqual(
      [0, 1].map((table) => ({ table, request: { op: "clock", clock: "resume", seconds: 60 } })),
    );
    const extend = accepted(apply(sessionWith([]), { type: "control", table: 1, op: "extend", seconds: 5 }));
    expect(extend.effects).toEqual([{ table: 1, request: { op: "clock", clock: "extend", seconds: 5 } }]);
    expect(apply(sessionWith([]), { type: "control", table: 4, op: "pause" })).toEqual({
      ok: false,
      code: "ERR_NO_SUCH_TABLE",
    });
  });

  test("inject: one request per table, each recording the table's current game", () => {
    const command = { type: "inject", table: "all", text: { en: "News", ru: "Новости" }, to: "KZ" } as const;
    const { session, effects } = accepted(
      apply(sessionWith([]), command, context({ 0: facts("ROOM0-2"), 1: null })),
    );
    expect(session.injects).toEqual([]);
    expect(effects).toEqual(
      [
        [0, "ROOM0-2"],
        [1, "ROOM1"],
      ].map(([table, gameId]) => ({
        table,
        request: { op: "inject", action: { type: "inject", text: command.text, to: "KZ" } },
        record: { at: 1000, table, gameId, text: command.text, to: "KZ" },
      })),
    );
  });

  test("the tables' answers: a seat's token, a pause taken or not, an inject recorded refused or not", () => {
    const session = sessionWith([student("s1", "Ann", { table: 0, seat: "RU" })]);
    const seat: Effect = { table: 0, request: { op: "seat", seat: "RU", name: "Ann" }, student: "s1" };
    const token = accepted(
      apply(session, { type: "replied", effect: seat, reply: { ok: true, token: "t" } }),
    );
    expect(token.session.students[0]?.seatToken).toBe("t");
    for (const [reply, code] of [
      [{ ok: false, code: "ERR_NO_SUCH_SEAT" }, "ERR_NO_SUCH_SEAT"],
      [{ ok: false, code: "ERR_GAME_OVER" }, "ERR_TABLE"],
    ] as const)
      expect(apply(session, { type: "replied", effect: seat, reply })).toEqual({ ok: false, code });

    const running = sessionWith([], {
      tables: sessionWith([]).tables.map((table) => ({ ...table, paused: false })),
    });
    const pause: Effect = { table: 1, request: { op: "clock", clock: "pause", seconds: 60 } };
    const paused = accepted(apply(running, { type: "replied", effect: pause, reply: { ok: true } }));
    expect(paused.session.tables.map((table) => table.paused)).toEqual([false, true]);
    const over = accepted(
      apply(running, { type: "replied", effect: pause, reply: { ok: false, code: "ERR_GAME_OVER" } }),
    );
    expect(over.session.tables.map((table) => table.paused)).toEqual([false, false]);

    const inject: Effect = {
      table: 0,
      request: { op: "inject", action: { type: "inject", event: "e1" } },
      record: { at: 5, table: 0, gameId: "ROOM0", event: "e1" },
    };
    const refused = accepted(
      apply(running, { type: "replied", effect: inject, reply: { ok: false, code: "ERR_UNKNOWN_EVENT" } }),
    );
    expect(refused.session.injects).toEqual([{ ...inject.record, refused: "ERR_UNKNOWN_EVENT" }]);
    const taken = accepted(apply(refused.session, { type: "replied", effect: inject, reply: { ok: true } }));
    expect(taken.session.injects[1]).toEqual({ ...inject.record, refused: null });
  });

  test("the answer: a single table that refused refuses the command; all tables answer each table's result", () => {
    const clock = (table: number): Effect => ({
      table,
      request: { op: "clock", clock: "skip", seconds: 60 },
    });
    const over = { ok: false, code: "ERR_GAME_OVER" } as const;
    expect(answerOf({ type: "control", table: 0, op: "skip" }, [{ effect: clock(0), reply: over }])).toEqual({
      ok: false,
      code: "ERR_TABLE",
    });
    expect(
      answerOf({ type: "control", table: "all", op: "skip" }, [
        { effect: clock(0), reply: over },
        { effect: clock(1), reply: { ok: true } },
      ]),
    ).toEqual({ ok: true, body: { ok: true, results: [over, { ok: true }] } });
    const seat: Effect = { table: 0, request: { op: "seat", seat: "RU", name: "A" }, student: "s1" };
    const release: Effect = { table: 0, request: { op: "release", seat: "RU" } };
    expect(
      answerOf({ type: "autoSeat" }, [
        { effect: release, reply: { ok: true } },
        { effect: seat, reply: { ok: true, token: "t" } },
      ]),
    ).toEqual({ ok: true, body: { ok: true, seated: 1 } });
    expect(answerOf({ type: "unseat", student: "s1" }, [{ effect: release, reply: { ok: true } }])).toEqual({
      ok: true,
      body: { ok: true },
    });
  });

  test("what each command needs read from the tables first", () => {
    const session = sessionWith([]);
    expect(tablesRead(session, { type: "autoSeat" })).toEqual([0, 1]);
    expect(tablesRead(session, { type: "seat", student: "s1", table: 1, seat: "RU" })).toEqual([1]);
    expect(tablesRead(session, { type: "inject", table: "all", event: "e" })).toEqual([0, 1]);
    expect(tablesRead(session, { type: "inject", table: 0, event: "e" })).toEqual([0]);
    expect(tablesRead(session, { type: "control", table: "all", op: "pause" })).toEqual([]);
  });
});
