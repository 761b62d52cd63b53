/**
 * The classroom's effect runner over a table port of its own (no server): the tables are read before
 * the reducer, the effects are sent in order, and the tables' answers come back into the session.
 */
import { expect, test } from "vitest";
import { runCommand } from "../../server/classroom/runner.ts";
import type { SessionData } from "../../server/classroom/session.ts";
import type { TablePort, TableRequest, TableSnapshot } from "../../server/rooms/table-port.ts";
import { sessionWith, student } from "./reducer.ts";

function fakePort(alive: Record<string, boolean>, fail?: TableRequest["op"], refuseSeat?: string) {
  const sent: [string, TableRequest][] = [];
  let tokens = 0;
  const port: TablePort = {
    alive: (code) => Promise.resolve(alive[code] === true),
    // A throw in the answer is the promise's rejection, as from a room's process.
    send: (code, request) => new Promise((resolve) => resolve(answer(code, request))),
  };
  function answer(code: string, request: TableRequest): never {
    sent.push([code, request]);
    if (request.op === fail) throw new Error("the room's process is gone");
    if (request.op === "snapshot") {
      const seats = ["RU", "KZ"].map((seat) => ({
        seat,
        leader: true,
        holder: "bot",
        name: "",
        pending: false,
        absent: false,
      }));
      return { code, gameId: `${code}-2`, seats } as Partial<TableSnapshot> as never;
    }
    if (request.op === "seat" && request.seat === refuseSeat)
      return { ok: false, code: "ERR_NO_SUCH_SEAT" } as never;
    if (request.op === "seat") return { ok: true, token: `token-${++tokens}` } as never;
    return { ok: true } as never;
  }
  return { port, sent };
}

// Three admitted students (tokens h0–h2), none seated; table ROOM0 and ROOM1 as the reducer's tests have them.
const session = (): SessionData =>
  sessionWith(
    ["Ann", "Ben", "Cy"].map((name, i) => student(`s${i + 1}`, name, { tokenHash: `h${i}`, joinedAt: 0 })),
  );

test("autoSeat: the live table's seats are read first, each seat's token lands with its student", async () => {
  const { port, sent } = fakePort({ ROOM0: true, ROOM1: false });
  const before = session();
  const run = await runCommand(port, before, { type: "autoSeat" });
  expect(run.answer).toEqual({ ok: true, body: { ok: true, seated: 2 } });
  expect(run.session.students.map((student) => [student.table, student.seat, student.seatToken])).toEqual([
    [0, "RU", "token-1"],
    [0, "KZ", "token-2"],
    [null, null, null],
  ]);
  expect(sent).toEqual([
    ["ROOM0", { op: "snapshot", full: false }],
    ["ROOM0", { op: "seat", seat: "RU", name: "Ann" }],
    ["ROOM0", { op: "seat", seat: "KZ", name: "Ben" }],
  ]);
  expect(before).toEqual(session());
});

test("a table that is gone answers ERR_GAME_OVER: all tables go on, a single table is refused", async () => {
  const { port, sent } = fakePort({ ROOM0: true, ROOM1: false });
  const all = await runCommand(port, session(), { type: "control", table: "all", op: "pause" });
  expect(all.answer).toEqual({
    ok: true,
    body: { ok: true, results: [{ ok: true }, { ok: false, code: "ERR_GAME_OVER" }] },
  });
  expect(all.session.tables.map((table) => table.paused)).toEqual([true, true]);
  expect(sent).toEqual([["ROOM0", { op: "clock", clock: "pause", seconds: 60 }]]);
  const one = await runCommand(port, session(), { type: "inject", table: 1, event: "e1" });
  expect(one.answer).toEqual({ ok: false, code: "ERR_TABLE" });
  // Refused, and recorded as refused.
  expect(one.changed).toBe(true);
  expect(one.session.injects).toEqual([
    { at: expect.any(Number) as number, table: 1, gameId: "ROOM1", event: "e1", refused: "ERR_GAME_OVER" },
  ]);
});

test("a refusal sends nothing; a table call that throws stops the run with what ran so far", async () => {
  const quiet = fakePort({ ROOM0: true, ROOM1: true });
  const refused = await runCommand(quiet.port, session(), { type: "bot", student: "s1" });
  expect(refused).toMatchObject({ changed: false, answer: { ok: false, code: "ERR_NOT_SEATED" } });
  expect(quiet.sent).toEqual([]);

  const broken = fakePort({ ROOM0: true, ROOM1: true }, "clock");
  const run = await runCommand(broken.port, session(), { type: "control", table: "all", op: "start" });
  expect(run.failure).toBeInstanceOf(Error);
  expect(run.answer).toEqual({ ok: false, code: "ERR_TABLE" });
  expect(run.session.tables.map((table) => table.started)).toEqual([true, true]);
  expect(broken.sent).toHaveLength(1);
});

const places = (run: { session: SessionData }) =>
  run.session.students.map((one) => [one.table, one.seat, one.seatToken]);

test("a run that stops early leaves no student at a seat their table never gave them", async () => {
  // The table refuses the first seat: neither that student nor the next (never asked for) is seated.
  const refusing = fakePort({ ROOM0: true, ROOM1: false }, undefined, "RU");
  const refused = await runCommand(refusing.port, session(), { type: "autoSeat" });
  expect(refused.answer).toEqual({ ok: false, code: "ERR_NO_SUCH_SEAT" });
  expect(places(refused)).toEqual([
    [null, null, null],
    [null, null, null],
    [null, null, null],
  ]);
  expect(refusing.sent.filter(([, request]) => request.op === "seat")).toHaveLength(1);

  // The table's process fails on the first seat: the same.
  const failing = fakePort({ ROOM0: true, ROOM1: false }, "seat");
  const failed = await runCommand(failing.port, session(), { type: "autoSeat" });
  expect(failed.failure).toBeInstanceOf(Error);
  expect(places(failed)).toEqual([
    [null, null, null],
    [null, null, null],
    [null, null, null],
  ]);
});

test("a failed read of the tables changes nothing and is still answered as the table's refusal", async () => {
  const { port } = fakePort({ ROOM0: true, ROOM1: true }, "snapshot");
  const run = await runCommand(port, session(), { type: "autoSeat" });
  expect(run).toMatchObject({ changed: false, answer: { ok: false, code: "ERR_TABLE" } });
  expect(run.failure).toBeInstanceOf(Error);
  expect(run.session).toEqual(session());
});
