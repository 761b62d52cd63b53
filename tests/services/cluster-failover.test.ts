/**
 * Several real server processes on Redis and PostgreSQL (see cluster.ts), some of them dying: a
 * process killed with SIGKILL loses no game (its players rejoin through a survivor, which restores
 * the game from its record, once even when two processes are asked at the same moment), a campaign's
 * later game comes back under its room code, and a SIGTERM stores every accepted action before the
 * clients are let go.
 */
import { Client, type Room } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { boxOf, decoded, track, until } from "../server/helpers.ts";
import { playSeat } from "../server/players.ts";
import { kill9 } from "../server/suites/restart.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";
import {
  adminRooms,
  bots,
  cluster,
  hasState,
  recordOf,
  shutdownTest,
  sigterm,
  timers,
  type Proc,
} from "./cluster.ts";

const { procs, spawnProc } = cluster(2);

describe("several server processes on Redis and PostgreSQL, some of them dying", () => {
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
        deliberationSeconds: 0,
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
    // The state and each seat message (which may come a frame after the state).
    const seated = (r: Room) => hasState(r) && boxOf(r).seat !== null;
    await until(() => seated(kz2) && seated(ru2), 5000, "the restored state and seats");
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
        deliberationSeconds: 0,
        spectator: true,
      }),
    );
    const code = host.roomId;
    host.reconnection.enabled = false;
    const crisisOf = (r: Room) => (r.state as { crisis?: number } | undefined)?.crisis ?? 0;
    await until(
      () => crisisOf(host) === 2 && decoded(host).version >= 2,
      60_000,
      "the campaign's second game",
    );
    await kill9(victim.child);
    const second = await recordOf(a.url, `${code}-2`);
    expect(second.status).toBe("active");
    expect((await recordOf(a.url, code)).status).toBe("finished");

    const back = track(await new Client(a.url).joinById(code, { spectator: true }));
    await until(() => hasState(back) && crisisOf(back) === 2, 5000, "the second game restored");
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
        deliberationSeconds: 0,
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

  shutdownTest({ procs, spawnProc });
});
