/**
 * The classroom's reducer on its own (no server, no rooms): each command's next session and table
 * requests, each refusal's code, and the input never changed. Students and seating here; the clock,
 * injects and the tables' answers in clock-commands.test.ts.
 */
import { describe, expect, test } from "vitest";
import type { ClassCommand, CommandContext } from "../../server/classroom/commands.ts";
import { accepted, apply, context, facts, seated, sessionWith, student } from "./reducer.ts";

describe("students join", () => {
  test("a new name is a new student, waiting when approval is required", () => {
    const { session, effects } = accepted(
      apply(sessionWith([], { requireApproval: true }), { type: "join", name: "Ann", tokenHash: "h1" }),
    );
    expect(effects).toEqual([]);
    expect(session.students).toEqual([
      student("s1", "Ann", { tokenHash: "h1", status: "waiting", joinedAt: 1000 }),
    ]);
    expect(session.nextStudent).toBe(2);
  });

  test("the same name again is the same student: a new token, or with approval a device waiting", () => {
    const ann = seated("s1", "Ann", 0, "RU");
    const open = accepted(apply(sessionWith([ann]), { type: "join", name: "ANN", tokenHash: "h2" }));
    expect(open.session.students).toEqual([{ ...ann, tokenHash: "h2" }]);
    const guarded = accepted(
      apply(sessionWith([ann], { requireApproval: true }), { type: "join", name: "ann", tokenHash: "h2" }),
    );
    expect(guarded.session.students).toEqual([{ ...ann, pendingHash: "h2" }]);
  });

  test("a removed name is refused", () => {
    const gone = student("s1", "Ann", { status: "removed" });
    expect(apply(sessionWith([gone]), { type: "join", name: "Ann", tokenHash: "h" })).toEqual({
      ok: false,
      code: "ERR_NAME_TAKEN",
    });
  });
});

describe("the facilitator's roster commands", () => {
  test("admit lets a waiting student in, or makes a waiting second device the student's", () => {
    const waiting = student("s1", "Ann", { status: "waiting" });
    expect(
      accepted(apply(sessionWith([waiting]), { type: "admit", student: "s1" })).session.students[0]?.status,
    ).toBe("admitted");
    const rejoin = seated("s1", "Ann", 0, "RU");
    rejoin.pendingHash = "new";
    const { session } = accepted(apply(sessionWith([rejoin]), { type: "admit", student: "s1" }));
    expect(session.students[0]).toEqual({ ...rejoin, tokenHash: "new", pendingHash: null });
  });

  test("reject turns a second device away untouched, else removes the student and frees the seat", () => {
    const rejoin = { ...seated("s1", "Ann", 0, "RU"), pendingHash: "new" };
    const away = accepted(apply(sessionWith([rejoin]), { type: "reject", student: "s1" }));
    expect(away).toEqual({ ok: true, session: sessionWith([{ ...rejoin, pendingHash: null }]), effects: [] });
    const { session, effects } = accepted(
      apply(sessionWith([seated("s1", "Ann", 0, "RU")]), { type: "reject", student: "s1" }),
    );
    expect(session.students[0]).toMatchObject({
      status: "removed",
      table: null,
      seat: null,
      seatToken: null,
    });
    expect(effects).toEqual([{ table: 0, request: { op: "release", seat: "RU" } }]);
  });

  test("every command naming a student refuses one that is not there", () => {
    const session = sessionWith([student("s1", "Ann")]);
    for (const command of [
      { type: "admit", student: "s9" },
      { type: "reject", student: "s9" },
      { type: "rename", student: "s9", name: "X" },
      { type: "remove", student: "s9" },
      { type: "seat", student: "s9", table: 0, seat: "RU" },
      { type: "unseat", student: "s9" },
      { type: "bot", student: "s9" },
    ] as const)
      expect(apply(session, command, context({ 0: facts("ROOM0") }))).toEqual({
        ok: false,
        code: "ERR_NO_SUCH_STUDENT",
      });
  });

  test("rename: the table sees the new name; a name someone has (any case) is refused", () => {
    const session = sessionWith([seated("s1", "Ann", 1, "KZ"), student("s2", "Ben")]);
    const { session: next, effects } = accepted(
      apply(session, { type: "rename", student: "s1", name: "Anna" }),
    );
    expect(next.students[0]?.name).toBe("Anna");
    expect(effects).toEqual([{ table: 1, request: { op: "rename", seat: "KZ", name: "Anna" } }]);
    expect(accepted(apply(session, { type: "rename", student: "s2", name: "Bob" })).effects).toEqual([]);
    expect(apply(session, { type: "rename", student: "s2", name: "ANN" })).toEqual({
      ok: false,
      code: "ERR_NAME_TAKEN",
    });
  });

  test("remove frees the seat and voids the student's tokens", () => {
    const { session, effects } = accepted(
      apply(sessionWith([{ ...seated("s1", "Ann", 0, "BY"), pendingHash: "p" }]), {
        type: "remove",
        student: "s1",
      }),
    );
    expect(session.students[0]).toMatchObject({
      status: "removed",
      tokenHash: "",
      pendingHash: null,
      table: null,
      seat: null,
      seatToken: null,
    });
    expect(effects).toEqual([{ table: 0, request: { op: "release", seat: "BY" } }]);
  });

  test("requireApproval sets the session's setting", () => {
    const { session } = accepted(apply(sessionWith([]), { type: "requireApproval", value: true }));
    expect(session.requireApproval).toBe(true);
  });
});

describe("seating", () => {
  test("seat: the old seat released, whoever held the new one left without, a seat request sent", () => {
    const session = sessionWith([seated("s1", "Ann", 0, "RU"), seated("s2", "Ben", 1, "KZ")]);
    const result = apply(
      session,
      { type: "seat", student: "s1", table: 1, seat: "KZ" },
      context({ 1: facts("ROOM1") }),
    );
    const { session: next, effects } = accepted(result);
    expect(next.students[0]).toMatchObject({ table: 1, seat: "KZ", seatToken: null, bot: false });
    expect(next.students[1]).toMatchObject({ table: null, seat: null, seatToken: null });
    expect(effects).toEqual([
      { table: 0, request: { op: "release", seat: "RU" } },
      { table: 1, request: { op: "seat", seat: "KZ", name: "Ann" }, student: "s1" },
    ]);
  });

  test("seat admits a waiting student; refused, it changes nothing", () => {
    const waiting = sessionWith([student("s1", "Ann", { status: "waiting" })]);
    const ok = apply(
      waiting,
      { type: "seat", student: "s1", table: 0, seat: "RU" },
      context({ 0: facts("ROOM0") }),
    );
    expect(accepted(ok).session.students[0]?.status).toBe("admitted");
    const refusals: [ClassCommand, CommandContext, string][] = [
      [{ type: "seat", student: "s1", table: 5, seat: "RU" }, context(), "ERR_NO_SUCH_TABLE"],
      [
        { type: "seat", student: "s1", table: 0, seat: "AM" },
        context({ 0: facts("ROOM0") }),
        "ERR_NO_SUCH_SEAT",
      ],
      // The room is gone: it has no seats to give.
      [{ type: "seat", student: "s1", table: 0, seat: "RU" }, context({ 0: null }), "ERR_NO_SUCH_SEAT"],
    ];
    for (const [command, ctx, code] of refusals)
      expect(apply(waiting, command, ctx)).toEqual({ ok: false, code });
  });

  test("unseat releases the seat", () => {
    const { session, effects } = accepted(
      apply(sessionWith([seated("s1", "Ann", 1, "RU")]), { type: "unseat", student: "s1" }),
    );
    expect(session.students[0]).toMatchObject({ table: null, seat: null, seatToken: null, bot: false });
    expect(effects).toEqual([{ table: 1, request: { op: "release", seat: "RU" } }]);
  });

  test("bot hands the seat to a bot (the student keeps their place), back returns it with a new token", () => {
    const session = sessionWith([seated("s1", "Ann", 0, "KZ"), student("s2", "Ben")]);
    const toBot = accepted(apply(session, { type: "bot", student: "s1" }));
    expect(toBot.session.students[0]).toMatchObject({ table: 0, seat: "KZ", seatToken: null, bot: true });
    expect(toBot.effects).toEqual([{ table: 0, request: { op: "release", seat: "KZ" } }]);
    const back = accepted(apply(toBot.session, { type: "bot", student: "s1", back: true }));
    expect(back.session.students[0]).toMatchObject({ table: 0, seat: "KZ", bot: false });
    expect(back.effects).toEqual([
      { table: 0, request: { op: "seat", seat: "KZ", name: "Ann" }, student: "s1" },
    ]);
    expect(apply(session, { type: "bot", student: "s2" })).toEqual({ ok: false, code: "ERR_NOT_SEATED" });
  });

  test("autoSeat: leaders first, the table with fewest students first, only admitted students without a seat", () => {
    const session = sessionWith([
      seated("s1", "Ann", 0, "RU"),
      student("s2", "Ben"),
      student("s3", "Cy", { status: "waiting" }),
      student("s4", "Di"),
      student("s5", "Ed"),
    ]);
    const ctx = context({ 0: facts("ROOM0", ["RU", "KZ", "KZ.d1"]), 1: facts("ROOM1", ["RU", "KZ.d1"]) });
    const { session: next, effects } = accepted(apply(session, { type: "autoSeat" }, ctx));
    expect(next.students.map((student) => [student.id, student.table, student.seat])).toEqual([
      ["s1", 0, "RU"],
      ["s2", 1, "RU"],
      ["s3", null, null],
      ["s4", 0, "KZ"],
      ["s5", 1, "KZ.d1"],
    ]);
    expect(effects.map((effect) => effect.request.op)).toEqual(["seat", "seat", "seat"]);
    // No seats left: the rest stay unseated.
    const full = accepted(apply(next, { type: "autoSeat" }, context({ 0: facts("ROOM0", ["RU"]), 1: null })));
    expect(full.effects).toEqual([]);
  });

  test("autoSeat with shuffle unseats everyone and seats them in the order given", () => {
    const session = sessionWith([seated("s1", "Ann", 0, "RU"), seated("s2", "Ben", 1, "RU")]);
    const ctx = context({ 0: facts("ROOM0", ["RU"]), 1: facts("ROOM1", ["RU"]) }, ["s2", "s1"]);
    const { session: next, effects } = accepted(apply(session, { type: "autoSeat", shuffle: true }, ctx));
    expect(next.students.map((student) => [student.id, student.table])).toEqual([
      ["s1", 1],
      ["s2", 0],
    ]);
    expect(effects).toEqual([
      { table: 0, request: { op: "release", seat: "RU" } },
      { table: 1, request: { op: "release", seat: "RU" } },
      { table: 0, request: { op: "seat", seat: "RU", name: "Ben" }, student: "s2" },
      { table: 1, request: { op: "seat", seat: "RU", name: "Ann" }, student: "s1" },
    ]);
  });
});
