/**
 * Several real server processes on Redis and PostgreSQL (see cluster.ts): a join by code reaches a
 * room held by another process; a lookup by code and the admin list see rooms of every process; a
 * classroom's dashboard, commands and students reach its tables in whichever process holds them, and
 * its tables come back in survivors when their process is killed.
 */
import { Client, type Room } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { call, facilitator, joinClass } from "../classroom/helpers.ts";
import { boxOf, decoded, track, until, untilAsync } from "../server/helpers.ts";
import { kill9 } from "../server/suites/restart.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";
import { adminRooms, bots, cluster, getJson, hasState, shutdownTest, timers, type Proc } from "./cluster.ts";

const { procs, spawnProc } = cluster(3);

describe("several server processes on Redis and PostgreSQL", () => {
  test("a client joins by code through another process; the lookup by code and the admin list see rooms of every process", async () => {
    const [a, b, c] = procs as [Proc, Proc, Proc];
    const host = track(
      await new Client(a.url).create(ROOM_NAME, { scenario: "kazakhstan-2022-01", seat: "KZ", bots }),
    );
    const code = host.roomId;
    // Joined through process B: the seat is reserved in A (over Redis) and the client connects to A's address.
    const guest = track(await new Client(b.url).joinById(code, { seat: "RU" }));
    await until(
      () => hasState(host) && hasState(guest) && boxOf(guest).seat !== null,
      5000,
      "both in the room",
    );
    expect(boxOf(guest).seat?.seat).toBe("RU");
    expect(decoded(guest).seats.KZ?.holder).toBe("human");
    expect(decoded(host).seats.RU?.holder).toBe("human");

    const found = await getJson(`${c.url}/api/rooms/${code}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ code, live: true, clients: 2, scenarioId: "kazakhstan-2022-01" });
    expect((await getJson(`${c.url}/api/rooms/ZZZZZ`)).status).toBe(404);

    // The admin list: every process's rooms, only with the key.
    expect((await getJson(`${c.url}/admin/rooms`)).status).toBe(401);
    expect((await getJson(`${c.url}/admin/rooms`, { "x-admin-key": "wrong" })).status).toBe(401);
    const privateRoom = track(
      await new Client(c.url).create(ROOM_NAME, { scenario: "kazakhstan-2022-01", bots, private: true }),
    );
    const listed = await adminRooms(b.url);
    const health = await Promise.all(procs.map(async (p) => (await getJson(`${p.url}/healthz`)).body));
    expect(health.every((h) => h.presence === "redis" && h.store === "postgres")).toBe(true);
    // Each process checked its database and Redis for /healthz.
    for (const h of health) expect(h.checks).toEqual({ store: "ok", redis: "ok" });
    expect(listed.map((r) => r.code)).toEqual(expect.arrayContaining([code, privateRoom.roomId]));
    const byCode = new Map(listed.map((r) => [r.code, r.processId]));
    expect(byCode.get(code)).not.toBe(byCode.get(privateRoom.roomId));
    // The public lobby leaves the private room out, on every process.
    const lobby = (await getJson(`${b.url}/api/rooms`)).body as unknown as { code: string }[];
    expect(lobby.map((r) => r.code)).toContain(code);
    expect(lobby.map((r) => r.code)).not.toContain(privateRoom.roomId);

    // An origin not on the list (none configured here: all allowed) — see the unit test for the list.
    await Promise.all([host.leave(), guest.leave(), privateRoom.leave()]);
  });

  test("a classroom's tables in several processes: every process's dashboard sees them all, commands and students reach them", async () => {
    const [a, b, c] = procs as [Proc, Proc, Proc];
    const created = await call<{ code: string; key: string }>(a.url, "", {
      body: {
        tables: [0, 1, 2, 3].map((i) => ({ scenario: "kazakhstan-2022-01", seed: `class-${i}` })),
        timers,
        thinkMs: 20,
        deliberationSeconds: 0,
      },
    });
    expect(created.status).toBe(201);
    const { code, key } = created.body;
    const tables = (await facilitator(a.url, code, key).dashboard()).map((t) => t.code);
    expect(tables).toHaveLength(4);
    // Where each table lives; whichever they are, at least two processes serve a dashboard whose
    // tables are (some or all) elsewhere.
    const holder = new Map((await adminRooms(c.url)).map((r) => [r.code, r.processId]));
    expect(tables.every((t) => holder.has(t))).toBe(true);

    // Every process answers with every table live (a snapshot from its room, not the stored record).
    for (const p of [a, b, c]) {
      const dash = await facilitator(p.url, code, key).dashboard();
      expect(dash.map((t) => t.code)).toEqual(tables);
      for (const t of dash) expect(t).toMatchObject({ phase: "briefing", paused: true, ended: false });
    }

    // Students join through B, the facilitator seats them through C and starts the tables through B.
    const students = [];
    for (const name of ["Aigerim", "Boris"]) students.push(await joinClass(b.url, code, name));
    expect((await facilitator(c.url, code, key).command({ type: "autoSeat" })).body).toMatchObject({
      seated: 2,
    });
    expect(
      (await facilitator(b.url, code, key).command({ type: "control", table: "all", op: "start" })).status,
    ).toBe(200);
    // Each student sits through the process that holds neither the session's creation nor, maybe, the table.
    const rooms: Room[] = [];
    for (const s of students) {
      const me = await s.me();
      expect(me.table && me.seatToken).toBeTruthy();
      const room = track(
        await new Client(c.url).joinById(me.table?.code as string, { seatToken: me.seatToken }),
      );
      await until(() => boxOf(room).seat?.seat === me.seat, 5000, `${s.name}'s seat`);
      rooms.push(room);
    }
    await untilAsync(
      async () => {
        const dash = await facilitator(a.url, code, key).dashboard();
        const humans = dash.flatMap((t) => t.seats.filter((x) => x.holder === "human").map((x) => x.name));
        return (
          dash.every((t) => !t.paused && t.phase !== "briefing") && humans.sort().join() === "Aigerim,Boris"
        );
      },
      15_000,
      "the started tables and the seated students on A's dashboard",
    );

    // Ending every table through C: all four reach the debrief, seen from B.
    expect(
      (await facilitator(c.url, code, key).command({ type: "control", table: "all", op: "end" })).status,
    ).toBe(200);
    await untilAsync(
      async () => (await facilitator(b.url, code, key).dashboard()).every((t) => t.ended && t.outcome),
      15_000,
      "every table's debrief on B's dashboard",
    );
    await Promise.all(rooms.map((r) => r.leave()));
  });

  test("a classroom whose process is killed: its tables come back in two survivors as students rejoin, still running, and one dashboard sees both", async () => {
    const victim = await spawnProc();
    const [a, b, c] = procs as [Proc, Proc, Proc];
    const created = await call<{ code: string; key: string }>(victim.url, "", {
      body: {
        tables: [0, 1].map((i) => ({ scenario: "kazakhstan-2022-01", seed: `class-kill-${i}` })),
        timers: { ...timers, consultations: 30 },
        thinkMs: 50,
        deliberationSeconds: 0,
        graceSeconds: 30,
      },
    });
    expect(created.status).toBe(201);
    const { code, key } = created.body;
    const fac = (p: Proc) => facilitator(p.url, code, key);
    const students = [await joinClass(a.url, code, "Dana"), await joinClass(a.url, code, "Erlan")];
    expect((await fac(a).command({ type: "autoSeat" })).body).toMatchObject({ seated: 2 });
    expect((await fac(a).command({ type: "control", table: "all", op: "start" })).status).toBe(200);
    const selves = await Promise.all(students.map((s) => s.me()));
    // One student a table (the auto-seating balances the tables).
    expect(new Set(selves.map((m) => m.table?.code)).size).toBe(2);
    const first = await Promise.all(
      selves.map(async (me) => {
        const room = track(
          await new Client(victim.url).joinById(me.table?.code as string, { seatToken: me.seatToken }),
        );
        room.reconnection.enabled = false;
        return room;
      }),
    );
    await until(
      () => first.every((r) => hasState(r) && decoded(r).phase !== "briefing"),
      15_000,
      "both tables under way",
    );
    const versionAt = new Map(selves.map((me, i) => [me.table?.code, decoded(first[i] as Room).version]));
    const studentAt = new Map(selves.map((me, i) => [me.table?.code, students[i]?.name]));

    await kill9(victim.child);
    // Each student rejoins their table through a different survivor: each table comes back there.
    const again = await Promise.all(
      selves.map((me, i) =>
        new Client((i === 0 ? a : b).url)
          .joinById(me.table?.code as string, { seatToken: me.seatToken })
          .then(track),
      ),
    );
    await until(() => again.every(hasState), 5000, "the restored tables");
    const holder = new Map((await adminRooms(c.url)).map((r) => [r.code, r.processId]));
    const [t0, t1] = selves.map((m) => m.table?.code as string) as [string, string];
    expect(holder.get(t0)).toBeDefined();
    expect(holder.get(t1)).toBeDefined();
    expect(holder.get(t0)).not.toBe(holder.get(t1));

    // The third process's dashboard sees both tables live, running (resumed: the class ran them), with
    // their students, and no decision lost.
    await untilAsync(
      async () => {
        const dash = await fac(c).dashboard();
        return (
          dash.length === 2 &&
          dash.every(
            (t) =>
              !t.ended &&
              !t.paused &&
              t.version > (versionAt.get(t.code) ?? Infinity) &&
              t.seats.some((x) => x.holder === "human" && x.name === studentAt.get(t.code)),
          )
        );
      },
      20_000,
      "both tables running again on C's dashboard",
    );
    expect((await fac(b).command({ type: "control", table: "all", op: "end" })).status).toBe(200);
    await untilAsync(
      async () => (await fac(c).dashboard()).every((t) => t.ended && t.outcome),
      15_000,
      "both debriefs",
    );
    await Promise.all(again.map((r) => r.leave()));
  });

  shutdownTest({ procs, spawnProc });
});
