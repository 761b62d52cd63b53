/**
 * Absence: a dropped player gets the seat back (the SDK's automatic reconnection, and a stored seat
 * token after a reload) with the current state, in every phase; after the grace period a bot plays
 * the seat, and the human takes it back; a human takes over a bot's seat and gives it back.
 */
import type { Room } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { CloseCode } from "@colyseus/core";
import { boxOf, decoded, until, type TestServer } from "../helpers.ts";
import { playSeat } from "../players.ts";
import { briefsOf, liveRoom, privacyCheck } from "./game.ts";

const hasState = (r: Room) => !!(r.state as { seats?: unknown } | undefined)?.seats;
const BOTS = {
  RU: "historical",
  BY: "historical",
  AM: "historical",
  KG: "historical",
  TJ: "historical",
} as const;

/** Drops the connection as a network failure would (the server sees no consented leave). */
function drop(room: Room): void {
  room.connection.close(CloseCode.MAY_TRY_RECONNECT, "network lost");
}

export function reconnectSuite(server: () => TestServer): void {
  describe("reconnection and absence", () => {
    test("a dropped player reconnects automatically in every phase, with the current state and its seat", async () => {
      const srv = server();
      const timers = {
        briefing: 0.4,
        appeal: 0.4,
        bilateral: 0.4,
        consultations: 0.6,
        council: 0.6,
        approvals: 0.6,
        deployment: 0.6,
      };
      const kz = await srv.create({
        scenario: "kazakhstan-2022-01",
        seed: "rc-1",
        bots: BOTS,
        timers,
        thinkMs: 20,
        graceSeconds: 30,
        seat: "KZ",
      });
      kz.reconnection.minUptime = 0;
      kz.reconnection.minDelay = 10;
      kz.reconnection.maxDelay = 50;
      const code = kz.roomId;
      const others = briefsOf("kazakhstan-2022-01");
      let reconnects = 0;
      kz.onReconnect(() => reconnects++);
      const dropped = new Set<string>();
      // Registered before the player, so the drop comes before the seat's next move in each phase.
      kz.onStateChange(() => {
        if (!hasState(kz) || !kz.connection.isOpen || reconnects !== dropped.size) return;
        const phase = decoded(kz).phase;
        if (phase === "debrief" || dropped.has(phase)) return;
        dropped.add(phase);
        drop(kz);
      });
      const player = playSeat(kz, "KZ", "historical", privacyCheck("KZ", others, "rc-1"));
      await until(() => hasState(kz) && decoded(kz).phase === "debrief", 40_000, "the debrief");
      expect([...dropped]).toEqual(
        expect.arrayContaining(["briefing", "appeal", "consultations", "council", "approvals", "deployment"]),
      );
      await until(() => reconnects === dropped.size && kz.connection.isOpen, 5000, "the last reconnection");
      await until(() => decoded(kz).debrief !== null, 5000, "the debrief data");
      const d = decoded(kz);
      const room = liveRoom(code);
      expect(d.version).toBe(room.actionLog.length);
      expect(Object.keys(d.secrets)).toEqual(["KZ"]);
      expect(d.seats.KZ?.holder).toBe("human");
      const stored = await srv.app.store.getGame(code);
      expect(stored?.log.map((e) => e.action)).toEqual(room.actionLog.map((e) => e.action));
      expect(stored?.log.some((e) => e.seat === "KZ" && e.action.type === "requestAssistance")).toBe(true);
      player.stop();
      await kz.leave();
    });

    test("after a reload, the stored seat token gets the seat back (and the old connection loses it)", async () => {
      const srv = server();
      const kz = await srv.create({
        scenario: "armenia-2022-09",
        seed: "rc-2",
        timers: { briefing: 600 },
        seat: "AM",
        name: "Pashinyan",
      });
      await until(() => boxOf(kz).seat !== null && hasState(kz));
      const token = boxOf(kz).seat?.token;
      expect(token).toBeTruthy();
      let oldLeft = 0;
      kz.onLeave((c) => (oldLeft = c));
      // A reload while the old socket is still open: the new connection wins.
      const again = await srv.join(kz.roomId, { seatToken: token });
      await until(() => hasState(again) && oldLeft !== 0, 5000, "the new connection");
      expect(boxOf(again).seat?.seat).toBe("AM");
      const d = decoded(again);
      expect(Object.keys(d.secrets)).toEqual(["AM"]);
      expect(d.seats.AM).toEqual({ holder: "human", name: "Pashinyan", bot: "" });
      // A reload after the socket has gone.
      drop(again);
      // The server has seen the socket go: the seat waits for its human.
      await until(() => liveRoom(kz.roomId).state.seats.get("AM")?.holder === "away", 3000, "the drop");
      const third = await srv.join(kz.roomId, { seatToken: token });
      await until(() => hasState(third));
      expect(Object.keys(decoded(third).secrets)).toEqual(["AM"]);
      await until(() => decoded(third).seats.AM?.holder === "human", 3000, "the seat to be held");
      await third.leave();
    });

    test("after the grace period a bot plays the seat; the human comes back and takes it again", async () => {
      const srv = server();
      const timers = {
        briefing: 0.3,
        appeal: 30,
        consultations: 30,
        council: 30,
        approvals: 30,
        deployment: 30,
      };
      const kz = await srv.create({
        scenario: "kazakhstan-2022-01",
        seed: "rc-3",
        bots: BOTS,
        timers,
        thinkMs: 10,
        graceSeconds: 0.4,
        seat: "KZ",
      });
      const spec = await srv.join(kz.roomId, { spectator: true });
      await until(() => boxOf(kz).seat !== null && hasState(kz));
      const token = boxOf(kz).seat?.token;
      kz.reconnection.enabled = false;
      await until(() => hasState(spec) && decoded(spec).phase === "appeal", 5000, "the appeal");
      // KZ (the host) drops in the appeal; the game waits through the grace period, then a bot asks for help.
      const droppedAt = Date.now();
      drop(kz);
      await until(() => decoded(spec).seats.KZ?.holder === "away", 3000, "KZ away");
      await until(() => decoded(spec).seats.KZ?.holder === "bot", 3000, "a bot in KZ's seat");
      await until(() => decoded(spec).phase !== "appeal", 5000, "the bot to act for KZ");
      // The seat waited out the grace period: KZ's request came from the bot, after it.
      const stored = await srv.app.store.getGame(kz.roomId);
      const request = stored?.log.find((e) => e.seat === "KZ" && e.action.type === "requestAssistance");
      expect(request).toBeDefined();
      expect(request?.at ?? 0).toBeGreaterThanOrEqual(droppedAt + 400);
      // The human returns with the token and the bot steps back.
      const back = await srv.join(kz.roomId, { seatToken: token });
      await until(() => hasState(back) && decoded(back).seats.KZ?.holder === "human", 3000, "KZ back");
      expect(Object.keys(decoded(back).secrets)).toEqual(["KZ"]);
      // The returning client catches up with every stored action (a patch may still be on its way).
      await until(
        () => decoded(back).version === liveRoom(kz.roomId).actionLog.length,
        3000,
        "KZ's state to reach the stored log",
      );
      await Promise.all([back.leave(), spec.leave()]);
    });

    test("a human takes over a bot's seat and, on leaving, gives it back to the bot", async () => {
      const srv = server();
      const host = await srv.create({
        scenario: "armenia-2021-05",
        seed: "rc-4",
        bots: { RU: "pragmatic" },
        timers: { briefing: 600 },
        seat: "AM",
      });
      await until(() => hasState(host) && decoded(host).seats.RU?.holder === "bot", 3000);
      expect(decoded(host).seats.RU?.bot).toBe("pragmatic");
      const ru = await srv.join(host.roomId, { seat: "RU", name: "Medvedev" });
      await until(() => hasState(ru) && decoded(host).seats.RU?.holder === "human", 3000, "RU taken over");
      expect(Object.keys(decoded(ru).secrets)).toEqual(["RU"]);
      expect(Object.keys(decoded(host).secrets)).toEqual(["AM"]);
      await ru.leave();
      await until(() => decoded(host).seats.RU?.holder === "bot", 3000, "RU back to its bot");
      await host.leave();
    });
  });
}
