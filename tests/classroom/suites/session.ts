/**
 * A whole classroom session over the network: a facilitator (HTTP with the key) and 14 students (HTTP
 * to join, then SDK clients at their tables) across two tables with deputies; a waiting list, a
 * rename, automatic seating, start, a pause, injects, a reseat, a bot takeover and back, the end, the
 * class summary and the exports. A student's attempt at every facilitator action is refused and
 * logged; the key never reaches a student; a student sees only their own table's secrets.
 */
import type { Room } from "@colyseus/sdk";
import { Client } from "@colyseus/sdk";
import { expect, test } from "vitest";
import { ROOM_CODE_ALPHABET } from "../../../shared/protocol/index.ts";
import type { ClassSummary } from "../../../server/classroom/records.ts";
import { decoded, until, boxOf, type Decoded, type TestServer } from "../../server/helpers.ts";
import { playSeat, seatViewOf, type Player } from "../../server/players.ts";
import { briefsOf } from "../../server/suites/game.ts";
import { call, facilitator, joinClass, type Facilitator, type Student } from "../helpers.ts";

const SCENARIO = "kazakhstan-2022-01";
const TIMERS = {
  briefing: 2,
  appeal: 2,
  bilateral: 2,
  consultations: 3,
  council: 2,
  approvals: 2,
  deployment: 2,
};

const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;

/** A student's client: leaders play as the historical bot would; deputies vote yes when they may. */
function play(room: Room, seat: string, check: (d: Decoded) => void): Player {
  if (!seat.includes(".")) return playSeat(room, seat, "historical", check);
  let sentAt = -1;
  const sent: Player["sent"] = [];
  room.onStateChange(() => {
    if (!hasState(room)) return;
    const d = decoded(room);
    check(d);
    const sv = seatViewOf(d, seat);
    if (!sv || !sv.legal.some((l) => l.type === "deputyVote")) return;
    // One ballot per sitting, as a person would cast it (not one per state change): none once it is
    // counted, and none again while it is unanswered. The room answers a ballot by counting it (the
    // version moves on) or, when another action came first, by refusing it as stale (the version has
    // moved on): so at most one ballot per version.
    if ((sv.view.private as { vote?: string | null } | null)?.vote || d.version === sentAt) return;
    sentAt = d.version;
    sent.push({ v: d.version, type: "deputyVote" });
    room.send("action", { v: d.version, action: { type: "deputyVote", vote: "yes" } });
  });
  return { seat, sent, stop: () => undefined };
}

/** Each student's client checks every state it decodes: its own secret only, no other brief, no key. */
function privacy(seat: string, key: string) {
  const briefs = briefsOf(SCENARIO);
  return (d: Decoded) => {
    expect(Object.keys(d.secrets).every((s) => s === seat)).toBe(true);
    const json = JSON.stringify(d);
    for (const b of briefs) if (b.seat !== seat) expect(json.includes(b.brief)).toBe(false);
    expect(json.includes(key)).toBe(false);
  };
}

export function sessionSuite(server: () => TestServer): void {
  test("a facilitator runs two tables of 14 students with deputies, from the waiting list to the class summary and the exports", async () => {
    const srv = server();
    const created = await call<{ code: string; key: string }>(srv.url, "", {
      body: {
        title: "Grade 11",
        tables: [
          { scenario: SCENARIO, deputies: 1, seed: "table-one" },
          { scenario: SCENARIO, deputies: 1, seed: "table-two" },
        ],
        timers: TIMERS,
        thinkMs: 20,
        graceSeconds: 1,
        requireApproval: true,
      },
    });
    expect(created.status).toBe(201);
    const { code, key } = created.body;
    expect(code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    const fac: Facilitator = facilitator(srv.url, code, key);

    // Students join with the code and a name; approval is required, so they wait.
    const names = Array.from({ length: 14 }, (_, i) => `Student ${i + 1}`);
    const students: Student[] = [];
    for (const n of names) students.push(await joinClass(srv.url, code.toLowerCase(), n));
    for (const s of students) expect((await s.me()).status).toBe("waiting");
    const first = students[0] as Student;

    // A student tries every facilitator action: each refused (403), and logged as the student's.
    const commands = [
      { type: "admit", student: "s1" },
      { type: "reject", student: "s2" },
      { type: "rename", student: "s2", name: "Mallory" },
      { type: "remove", student: "s2" },
      { type: "requireApproval", value: false },
      { type: "autoSeat" },
      { type: "seat", student: "s1", table: 0, seat: "RU" },
      { type: "unseat", student: "s1" },
      { type: "bot", student: "s2" },
      ...["start", "pause", "resume", "skip", "end", "extend"].map((op) => ({
        type: "control",
        table: "all",
        op,
      })),
      { type: "inject", table: "all", text: { en: "x", ru: "х" } },
    ];
    for (const token of [first.token, undefined]) {
      for (const cmd of commands) {
        const r = await call(srv.url, `/${code}/command`, { body: cmd, ...(token ? { token } : {}) });
        expect(r.status, JSON.stringify(cmd)).toBe(403);
        expect(r.body).toEqual({ error: "ERR_NOT_FACILITATOR" });
      }
      for (const path of [
        "",
        "/dashboard",
        "/tables/0",
        "/summary",
        "/export.csv",
        "/export.json",
        "/print",
      ]) {
        const r = await call(srv.url, `/${code}${path}`, token ? { token } : {});
        expect(r.status, path).toBe(403);
      }
    }
    expect((await first.me()).status).toBe("waiting");

    // The facilitator admits everyone, renames one, and seats them automatically.
    for (let i = 1; i <= 14; i++)
      expect((await fac.command({ type: "admit", student: `s${i}` })).status).toBe(200);
    expect((await fac.command({ type: "rename", student: "s14", name: "Student Fourteen" })).status).toBe(
      200,
    );
    expect((await fac.command({ type: "rename", student: "s13", name: "student 1" })).status).toBe(409);
    const auto = await fac.command({ type: "autoSeat" });
    expect(auto.body).toMatchObject({ ok: true, seated: 14 });

    let dash = await fac.dashboard();
    expect(dash).toHaveLength(2);
    for (const t of dash) {
      expect(t.paused).toBe(true);
      expect(t.phase).toBe("briefing");
      // Balanced: seven students a table, every leader seat a student's, one deputy each.
      expect(t.seats.filter((s) => s.name).length).toBe(7);
      expect(t.seats.filter((s) => s.leader).every((s) => s.name)).toBe(true);
      expect(t.seats.some((s) => s.seat.includes("."))).toBe(true);
    }
    const overview = await call<{ roster: { id: string; name: string; table: number; seat: string }[] }>(
      srv.url,
      `/${code}`,
      { token: key },
    );
    expect(overview.body.roster.find((r) => r.id === "s14")?.name).toBe("Student Fourteen");

    // Every student connects to their seat; none of them ever decodes the key or another seat's secret.
    const rooms = new Map<Student, Room>();
    const players: Player[] = [];
    const selves = new Map<Student, { table: number; seat: string }>();
    for (const s of students) {
      const me = await s.me();
      expect(JSON.stringify(me).includes(key)).toBe(false);
      expect(me.table && me.seat && me.seatToken).toBeTruthy();
      selves.set(s, { table: me.table?.index ?? -1, seat: me.seat ?? "" });
      const room = await s.sit();
      rooms.set(s, room);
      await until(() => boxOf(room).seat?.seat === me.seat, 5000, `${s.name}'s seat`);
      players.push(play(room, me.seat as string, privacy(me.seat as string, key)));
    }
    // A student cannot take a seat by joining a table's code, nor pause a classroom table.
    const t0 = dash[0]?.code as string;
    await expect(new Client(srv.url).joinById(t0, { seat: "RU" })).rejects.toThrow(/ERR_CLASSROOM_SEAT/);
    const someRoom = rooms.get(first) as Room;
    someRoom.send("pause", { paused: false });
    await until(() => boxOf(someRoom).errors.some((e) => e.code === "ERR_NOT_SOLO"), 5000, "ERR_NOT_SOLO");

    dash = await fac.dashboard();
    for (const t of dash) {
      expect(t.seats.filter((s) => s.holder === "human").length).toBe(7);
      expect(t.seats.filter((s) => s.absent)).toEqual([]);
    }

    // Start every table; then pause table 1 (index 0) while table 2 runs on.
    expect((await fac.command({ type: "control", table: "all", op: "start" })).status).toBe(200);
    await until(() => decoded(someRoom).phase !== "briefing", 15_000, "the briefing to end");
    // Nor send the facilitator's injects or the room clock's expiry as their own actions.
    for (const action of [
      { type: "inject", text: { en: "Fake news", ru: "Фейк" } },
      { type: "timerExpired" },
    ]) {
      // The table moves fast (a send may be stale); each try must end in a refusal, one of them on role.
      const errors = boxOf(someRoom).errors;
      const roleRefusals = () => errors.filter((e) => e.code === "ERR_NOT_YOUR_ROLE").length;
      const before = roleRefusals();
      for (let i = 0; i < 10 && roleRefusals() === before; i++) {
        const answered = errors.length;
        someRoom.send("action", { v: decoded(someRoom).version, action });
        await until(() => errors.length > answered, 5000, "the room's answer to the try");
      }
      expect(roleRefusals()).toBeGreaterThan(before);
    }
    expect(JSON.stringify(decoded(someRoom).timeline)).not.toContain("Fake news");
    expect((await fac.command({ type: "control", table: 0, op: "pause" })).status).toBe(200);
    dash = await fac.dashboard();
    expect(dash[0]?.paused).toBe(true);
    expect(dash[1]?.paused).toBe(false);
    const frozen = dash[0]?.version;
    // While table 2 plays on for three actions, table 1 does not move.
    const running = rooms.get(students.find((s) => selves.get(s)?.table === 1) as Student) as Room;
    const from = decoded(running).version;
    await until(() => decoded(running).version >= from + 3, 15_000, "table 2 to play on");
    expect((await fac.dashboard())[0]?.version).toBe(frozen);
    expect((await fac.command({ type: "control", table: 0, op: "extend", seconds: 5 })).status).toBe(200);

    // Injects: news to every table, a secret instruction to one leader of table 1, a prepared event.
    expect(
      (
        await fac.command({
          type: "inject",
          table: "all",
          text: { en: "Airports closed", ru: "Аэропорты закрыты" },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await fac.command({
          type: "inject",
          table: 0,
          text: { en: "Hold out for a time limit", ru: "Добейтесь срока" },
          to: "BY",
        })
      ).status,
    ).toBe(200);
    const byStudent = students.find(
      (s) => selves.get(s)?.table === 0 && selves.get(s)?.seat === "BY",
    ) as Student;
    const byRoom = rooms.get(byStudent) as Room;
    await until(
      () => JSON.stringify(decoded(byRoom).secrets.BY ?? {}).includes("Hold out for a time limit"),
      5000,
      "the secret instruction",
    );
    for (const [s, room] of rooms) {
      await until(() => JSON.stringify(decoded(room).timeline).includes("Airports closed"), 5000, "the news");
      if (s !== byStudent)
        expect(JSON.stringify(decoded(room)).includes("Hold out for a time limit")).toBe(false);
    }
    expect((await fac.command({ type: "control", table: 0, op: "resume" })).status).toBe(200);

    // Drill-in: the facilitator reads every brief of a table.
    const drill = await call<{ private: Record<string, { brief?: { en: string } }> }>(
      srv.url,
      `/${code}/tables/0`,
      { token: key },
    );
    expect(drill.status).toBe(200);
    expect(Object.keys(drill.body.private)).toEqual(
      expect.arrayContaining(["RU", "KZ", "BY", "AM", "KG", "TJ"]),
    );
    expect(drill.body.private.KZ?.brief?.en.length).toBeGreaterThan(20);

    // Reseat: a deputy of table 1 moves to a free deputy seat of table 2; the old connection loses the seat.
    const deputy = students.find(
      (s) => selves.get(s)?.table === 0 && selves.get(s)?.seat.includes("."),
    ) as Student;
    const oldSeat = selves.get(deputy)?.seat as string;
    const freeSeat = (await fac.dashboard())[1]?.seats.find((x) => !x.name)?.seat as string;
    expect(freeSeat).toBeTruthy();
    expect(
      (await fac.command({ type: "seat", student: (await deputy.me()).id, table: 1, seat: freeSeat })).status,
    ).toBe(200);
    const moved = await deputy.me();
    expect(moved.table?.index).toBe(1);
    expect(moved.seat).toBe(freeSeat);
    dash = await fac.dashboard();
    expect(dash[0]?.seats.find((x) => x.seat === oldSeat)?.name).toBe("");
    const newRoom = await deputy.sit();
    await until(() => boxOf(newRoom).seat?.seat === freeSeat, 5000, "the new seat");
    rooms.set(deputy, newRoom);

    // Bot takeover of an absent student's seat, and back.
    const absent = students.find(
      (s) => selves.get(s)?.table === 1 && selves.get(s)?.seat === "RU",
    ) as Student;
    const absentId = (await absent.me()).id;
    expect((await fac.command({ type: "bot", student: absentId })).status).toBe(200);
    expect(await absent.me()).toMatchObject({ bot: true, seatToken: null, seat: "RU" });
    const watcher = rooms.get(
      students.find((s) => s !== absent && selves.get(s)?.table === 1) as Student,
    ) as Room;
    await until(() => decoded(watcher).seats.RU?.holder === "bot", 5000, "the bot to take RU");
    expect((await fac.dashboard())[1]?.seats.find((x) => x.seat === "RU")).toMatchObject({
      holder: "bot",
      absent: false,
    });
    expect((await fac.command({ type: "bot", student: absentId, back: true })).status).toBe(200);
    // Given back but not yet connected: the dashboard shows the student absent.
    expect((await fac.dashboard())[1]?.seats.find((x) => x.seat === "RU")).toMatchObject({
      name: absent.name,
      absent: true,
    });
    const back = await absent.me();
    expect(back.bot).toBe(false);
    const backRoom = await absent.sit();
    await until(() => decoded(watcher).seats.RU?.holder === "human", 5000, "RU back to its student");
    rooms.set(absent, backRoom);

    // A table has reached the Council's vote (the export below lists it), then the facilitator ends
    // every table: both reach the debrief.
    const voted = (room: Room) =>
      (decoded(room).timeline as { message: { key: string } }[]).some((entry) =>
        entry.message.key.startsWith("log.vote."),
      );
    await until(() => [...rooms.values()].some(voted), 30_000, "a council vote");
    expect((await fac.command({ type: "control", table: "all", op: "end" })).status).toBe(200);
    await until(
      () => [...rooms.values()].every((r) => decoded(r).phase === "debrief"),
      15_000,
      "the debriefs",
    );
    dash = await fac.dashboard();
    expect(dash.every((t) => t.ended && t.outcome)).toBe(true);
    for (const p of players) p.stop();

    // The class summary: both games, side by side with history, and the injects.
    const summary = await call<ClassSummary>(srv.url, `/${code}/summary`, { token: key });
    expect(summary.status).toBe(200);
    expect(summary.body.games).toHaveLength(2);
    for (const g of summary.body.games) {
      expect(g.finished).toBe(true);
      expect(g.outcome).not.toBeNull();
      expect(g.history.deployed).toBe(true);
      expect(Object.keys(g.outcome?.scores ?? {})).toHaveLength(6);
    }
    // Table 1 lost its deputy to table 2 (and its empty seat went back to the approval model).
    expect(summary.body.games.map((g) => g.players.length)).toEqual([6, 8]);
    expect(summary.body.totals.finished).toBe(2);
    expect(summary.body.injects.filter((i) => !i.refused)).toHaveLength(3);

    // Exports: CSV (one row per decision), JSON records (no token hashes), the printable page.
    const csv = await call(srv.url, `/${code}/export.csv`, { token: key });
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split("\r\n");
    expect(rows[0]).toBe("table,game,seat,student,phase,action,detail,time");
    const json = await call<{
      records: { id: string; log: unknown[]; claims: object[] }[];
      log: { actor: string; refused: string | null }[];
    }>(srv.url, `/${code}/export.json?key=${encodeURIComponent(key)}`);
    expect(json.status).toBe(200);
    expect(json.body.records).toHaveLength(2);
    const logged = json.body.records.reduce((n, r) => n + r.log.length, 0);
    expect(rows.length - 1).toBe(logged);
    expect(rows.filter((r) => r.includes(",inject,"))).toHaveLength(3);
    expect(rows.some((r) => r.includes(",deputyVote,") || r.includes(",vote,"))).toBe(true);
    expect(json.text.includes("tokenHash")).toBe(false);
    // The session's log: the students' refused attempts, the facilitator's accepted commands.
    const refusedByStudent = json.body.log.filter(
      (e) => e.actor === "student:s1" && e.refused === "ERR_NOT_FACILITATOR",
    );
    expect(refusedByStudent.length).toBeGreaterThanOrEqual(commands.length);
    expect(
      json.body.log.filter((e) => e.actor === "facilitator" && e.refused === null).length,
    ).toBeGreaterThan(20);
    const print = await call(srv.url, `/${code}/print`, { token: key });
    expect(print.status).toBe(200);
    expect(print.text).toContain("What really happened");
    expect(print.text).toContain('id="summary"');
    expect(print.text).toContain("Airports closed");
    // The printable page speaks the teacher's language, headings included.
    const ru = await call(srv.url, `/${code}/print?lang=ru`, { token: key });
    expect(ru.status).toBe(200);
    for (const text of [
      "Как было на самом деле",
      "<th>Стол</th>",
      "<th>Государство</th>",
      "Единогласие — класс",
    ]) {
      expect(ru.text).toContain(text);
    }
    for (const text of ["What really happened", "<th>Table</th>", "<th>State</th>", "Objectives met"]) {
      expect(ru.text).not.toContain(text);
    }

    for (const r of rooms.values()) await r.leave().catch(() => undefined);
  }, 90_000);
}
