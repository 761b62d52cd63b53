/**
 * A classroom session stopped (the server process killed with SIGKILL) and continued after a
 * restart: the facilitator reopens it with the key, the paused table comes back paused with nothing
 * lost, students rejoin with the same code and names and get their seats back, and the game goes on
 * to the debrief and the class summary.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { Room } from "@colyseus/sdk";
import { afterAll, expect, test } from "vitest";
import type { ClassSummary } from "../../../server/classroom/records.ts";
import { boxOf, decoded, until } from "../../server/helpers.ts";
import { playSeat, type Player } from "../../server/players.ts";
import { freePort, kill9, startProcess } from "../../server/suites/restart.ts";
import { call, facilitator, joinClass } from "../helpers.ts";

/** `storeEnv` picks the store: `{ DATABASE_URL: "" }` for SQLite, or a PostgreSQL URL and schema. */
export function restartSuite(storeEnv: () => Record<string, string>): void {
  const dataDir = mkdtempSync(join(tmpdir(), "unanimity-class-restart-"));
  let proc: ChildProcess | undefined;
  afterAll(async () => {
    if (proc && proc.exitCode === null) await kill9(proc);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("a session stopped by a server restart continues: same code, key, names, seats and log", async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "", ...storeEnv() };
    const url = `http://127.0.0.1:${port}`;
    proc = await startProcess(env);

    const created = await call<{ code: string; key: string }>(url, "", {
      body: {
        tables: [{ scenario: "kazakhstan-2022-01", seed: "restart" }],
        timers: {
          briefing: 1,
          appeal: 1,
          bilateral: 1,
          consultations: 2,
          council: 1,
          approvals: 1,
          deployment: 1,
        },
        thinkMs: 20,
        graceSeconds: 1,
      },
    });
    expect(created.status).toBe(201);
    const { code, key } = created.body;
    const fac = facilitator(url, code, key);
    const ann = await joinClass(url, code, "Ann");
    const ben = await joinClass(url, code, "Ben");
    expect((await fac.command({ type: "autoSeat" })).body).toMatchObject({ seated: 2 });
    const seats = { ann: (await ann.me()).seat as string, ben: (await ben.me()).seat as string };
    const players: Player[] = [];
    const rooms: Room[] = [];
    for (const [s, seat] of [
      [ann, seats.ann],
      [ben, seats.ben],
    ] as const) {
      const room = await s.sit();
      await until(() => boxOf(room).seat?.seat === seat, 5000, "the seat");
      rooms.push(room);
      players.push(playSeat(room, seat, "historical"));
    }
    expect((await fac.command({ type: "control", table: 0, op: "start" })).status).toBe(200);
    await until(() => decoded(rooms[0] as Room).phase !== "briefing", 10_000, "the briefing to end");
    expect((await fac.command({ type: "control", table: 0, op: "pause" })).status).toBe(200);
    const before = (await fac.dashboard())[0];
    expect(before?.paused).toBe(true);
    for (const p of players) p.stop();

    // The server dies; the class stops.
    await kill9(proc);
    proc = await startProcess(env);

    // Another day: the facilitator reopens the session with the key; the table is still paused, as it was.
    const overview = await call<{ roster: { name: string; seat: string }[] }>(url, `/${code}`, {
      token: key,
    });
    expect(overview.status).toBe(200);
    expect(overview.body.roster.map((r) => [r.name, r.seat])).toEqual([
      ["Ann", seats.ann],
      ["Ben", seats.ben],
    ]);
    const after = (await fac.dashboard())[0];
    expect(after).toMatchObject({
      code: before?.code,
      paused: true,
      phase: before?.phase,
      version: before?.version,
    });

    // Students rejoin with the same code and names and get their seats back.
    const ann2 = await joinClass(url, code, "Ann");
    const ben2 = await joinClass(url, code, "Ben");
    expect((await ann2.me()).seat).toBe(seats.ann);
    const again: Room[] = [];
    for (const [s, seat] of [
      [ann2, seats.ann],
      [ben2, seats.ben],
    ] as const) {
      const room = await s.sit();
      await until(() => boxOf(room).seat?.seat === seat, 5000, "the seat back");
      again.push(room);
      players.push(playSeat(room, seat, "historical"));
    }
    // The old token of a student who rejoined opens nothing.
    expect((await call(url, `/${code}/me`, { token: ann.token })).status).toBe(403);
    // Both students back at their seats and playing, and the paused table has still not moved.
    expect((await fac.dashboard())[0]?.version).toBe(before?.version);
    expect(again.map((room) => decoded(room).version)).toEqual([before?.version, before?.version]);

    expect((await fac.command({ type: "control", table: 0, op: "resume" })).status).toBe(200);
    await until(
      () => decoded(again[0] as Room).version > (before?.version ?? 0),
      10_000,
      "the game to go on",
    );
    expect((await fac.command({ type: "control", table: 0, op: "end" })).status).toBe(200);
    await until(() => decoded(again[0] as Room).phase === "debrief", 10_000, "the debrief");
    for (const p of players) p.stop();
    const summary = await call<ClassSummary>(url, `/${code}/summary`, { token: key });
    expect(summary.body.totals.finished).toBe(1);
    expect(summary.body.games[0]?.players.map((p) => p.name).sort()).toEqual(["Ann", "Ben"]);
    for (const r of again) await r.leave().catch(() => undefined);
  }, 60_000);
}
