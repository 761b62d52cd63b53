/**
 * Several real server processes on 127.0.0.1 sharing the machine's Redis (6379, a key prefix of
 * their own) and PostgreSQL (5432, a schema of their own): a join by code reaches a room held by
 * another process; a lookup by code and the admin list see rooms of every process; a classroom's
 * dashboard, commands and students reach its tables in whichever process holds them; a process
 * killed with SIGKILL loses no game (its players rejoin through a survivor, which restores the game
 * from its record, once even when two processes are asked at the same moment); a SIGTERM stores
 * every accepted action before the clients are let go. Keys and schema are removed afterwards.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { call, facilitator, joinClass } from "../classroom/helpers.ts";
import { boxOf, decoded, track, until, untilAsync } from "../server/helpers.ts";
import { playSeat } from "../server/players.ts";
import { freePort, kill9, startProcess } from "../server/suites/restart.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const TAG = `unanimity_cluster_${process.pid}_${Date.now()}`;
const PREFIX = `${TAG}:`;
const ADMIN_KEY = "test-admin-key-0123456789";

interface Proc {
  child: ChildProcess;
  url: string;
  port: number;
  env: Record<string, string>;
}

const dataDir = mkdtempSync(join(tmpdir(), "unanimity-cluster-"));
const procs: Proc[] = [];
let redis: Redis;

async function spawnProc(port?: number): Promise<Proc> {
  const p = port ?? (await freePort());
  const env = {
    PORT: String(p),
    DATA_DIR: dataDir,
    DATABASE_URL,
    DATABASE_SCHEMA: TAG,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    PUBLIC_ADDRESS: `127.0.0.1:${p}`,
    ADMIN_KEY,
  };
  const proc = { child: await startProcess(env), url: `http://127.0.0.1:${p}`, port: p, env };
  procs.push(proc);
  return proc;
}

function sigterm(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;
const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};
interface PublicLog {
  status: string;
  log: { seat: string; action: { type: string } }[];
}
const recordOf = async (url: string, code: string) =>
  (await (await fetch(`${url}/api/games/${code}`)).json()) as PublicLog;
const adminRooms = async (url: string) =>
  (await getJson(`${url}/admin/rooms`, { "x-admin-key": ADMIN_KEY })).body as unknown as {
    code: string;
    processId: string;
  }[];

const timers = {
  briefing: 0.5,
  appeal: 1,
  bilateral: 1,
  consultations: 1.5,
  council: 1,
  approvals: 1,
  deployment: 1,
};
const bots = { BY: "historical", AM: "historical", KG: "historical", TJ: "historical" };

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  // The first process creates the schema; the others then start at once.
  await spawnProc();
  await Promise.all([spawnProc(), spawnProc()]);
});

afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) await kill9(p.child);
  // Nothing of this test stays in Redis or PostgreSQL.
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${TAG} CASCADE`);
  await db.end();
  rmSync(dataDir, { recursive: true, force: true });
});

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

  test("a process killed with SIGKILL: its game is restored once, in a survivor, when its players rejoin; no accepted action is lost", async () => {
    const victim = await spawnProc();
    const [a, b] = procs as [Proc, Proc];
    const seed = "cluster-kill-seed";
    const kz = track(
      await new Client(victim.url).create(ROOM_NAME, {
        scenario: "kazakhstan-2022-01",
        seed,
        seat: "KZ",
        bots,
        timers,
        thinkMs: 30,
        graceSeconds: 20,
      }),
    );
    const code = kz.roomId;
    const ru = track(await new Client(a.url).joinById(code, { seat: "RU" }));
    await until(() => boxOf(kz).seat !== null && boxOf(ru).seat !== null && hasState(kz) && hasState(ru));
    const tokens = { KZ: boxOf(kz).seat?.token, RU: boxOf(ru).seat?.token };
    for (const r of [kz, ru]) r.reconnection.enabled = false;
    const players = [playSeat(kz, "KZ"), playSeat(ru, "RU")];
    await until(
      () => hasState(kz) && ["consultations", "council", "approvals"].includes(decoded(kz).phase),
      20_000,
      "the game to be under way",
    );
    expect((await adminRooms(a.url)).find((r) => r.code === code)).toBeDefined();

    await kill9(victim.child);
    for (const p of players) p.stop();
    const seen = Math.max(decoded(kz).version, decoded(ru).version);
    const before = await recordOf(a.url, code);
    expect(before.status).toBe("active");
    expect(before.log.length).toBeGreaterThanOrEqual(seen);

    // Both players rejoin at the same moment, through two different survivors.
    const [kz2, ru2] = await Promise.all([
      new Client(a.url).joinById(code, { seatToken: tokens.KZ }).then(track),
      new Client(b.url).joinById(code, { seatToken: tokens.RU }).then(track),
    ]);
    await until(() => hasState(kz2) && hasState(ru2), 5000, "the restored state");
    expect(boxOf(kz2).seat?.seat).toBe("KZ");
    expect(boxOf(ru2).seat?.seat).toBe("RU");
    // One room for the game, in one live process, holding both players.
    const rooms = (await adminRooms(a.url)).filter((r) => r.code === code);
    expect(rooms).toHaveLength(1);
    expect(decoded(kz2).seats.RU?.holder).toBe("human");
    expect(decoded(ru2).seats.KZ?.holder).toBe("human");
    const after = await recordOf(b.url, code);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(decoded(kz2).version).toBeGreaterThanOrEqual(before.log.length);

    const spec = track(await new Client(b.url).joinById(code, { spectator: true }));
    const again = [playSeat(kz2, "KZ"), playSeat(ru2, "RU")];
    await until(
      () => hasState(spec) && decoded(spec).debrief !== null,
      40_000,
      "the debrief after the restore",
    );
    for (const p of again) p.stop();
    const final = await recordOf(a.url, code);
    expect(final.status).toBe("finished");
    expect(final.log.slice(0, before.log.length)).toEqual(before.log);
    expect(final.log.length).toBe(decoded(spec).version);
    await Promise.all([kz2.leave(), ru2.leave(), spec.leave()]);
  });

  test("a campaign's later game, its process killed, comes back under the room code when someone joins it", async () => {
    const victim = await spawnProc();
    const [a] = procs as [Proc];
    const host = track(
      await new Client(victim.url).create(ROOM_NAME, {
        scenario: "kazakhstan-2022-01",
        campaign: true,
        campaignPauseSeconds: 0.2,
        bots: { ...bots, RU: "historical", KZ: "historical" },
        timers,
        thinkMs: 20,
        spectator: true,
      }),
    );
    const code = host.roomId;
    host.reconnection.enabled = false;
    const partOf = (r: Room) => (r.state as { part?: number } | undefined)?.part ?? 0;
    await until(() => partOf(host) === 2 && decoded(host).version >= 2, 60_000, "the campaign's second game");
    await kill9(victim.child);
    const second = await recordOf(a.url, `${code}-2`);
    expect(second.status).toBe("active");
    expect((await recordOf(a.url, code)).status).toBe("finished");

    const back = track(await new Client(a.url).joinById(code, { spectator: true }));
    await until(() => hasState(back) && partOf(back) === 2, 5000, "the second game restored");
    expect(decoded(back).version).toBeGreaterThanOrEqual(second.log.length);
    expect((await adminRooms(a.url)).filter((r) => r.code === code)).toHaveLength(1);
    await back.leave();
  });

  test("SIGTERM: the process stores what it accepted, lets its clients go, and the game goes on elsewhere", async () => {
    const leaving = await spawnProc();
    const [a] = procs as [Proc];
    const kz = track(
      await new Client(leaving.url).create(ROOM_NAME, {
        scenario: "kazakhstan-2022-01",
        seat: "KZ",
        bots,
        timers,
        thinkMs: 20,
        graceSeconds: 20,
      }),
    );
    const code = kz.roomId;
    await until(() => boxOf(kz).seat !== null && hasState(kz));
    const token = boxOf(kz).seat?.token;
    kz.reconnection.enabled = false;
    const player = playSeat(kz, "KZ");
    await until(() => hasState(kz) && decoded(kz).version >= 4, 20_000, "some actions");
    let closed = false;
    kz.onLeave(() => (closed = true));
    const exitCode = await sigterm(leaving.child);
    player.stop();
    expect(exitCode).toBe(0);
    await until(() => closed, 5000, "the client let go");
    const seen = decoded(kz).version;
    const stored = await recordOf(a.url, code);
    expect(stored.status).toBe("active");
    // Every action a client saw is stored (and the shutdown accepted nothing it did not store).
    expect(stored.log.length).toBeGreaterThanOrEqual(seen);
    // The process took its rooms out of the shared listing on the way out.
    expect((await adminRooms(a.url)).find((r) => r.code === code)).toBeUndefined();

    const back = track(await new Client(a.url).joinById(code, { seatToken: token }));
    await until(() => hasState(back), 5000, "the game back in another process");
    expect(boxOf(back).seat?.seat).toBe("KZ");
    expect(decoded(back).version).toBeGreaterThanOrEqual(stored.log.length);
    await back.leave();
  });

  test("after every process has shut down, no room is left in Redis's listing", async () => {
    for (const p of procs)
      if (p.child.exitCode === null && p.child.signalCode === null) expect(await sigterm(p.child)).toBe(0);
    expect(await redis.hlen(`${PREFIX}roomcaches`)).toBe(0);
  });
});
