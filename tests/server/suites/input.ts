/**
 * Input the room must refuse without changing the game or dropping the client: the authorization
 * matrix (every message type as the right seat out of phase, as another seat, as a spectator, with a
 * stale version or token), malformed payloads and frames, and the limits on size and rate.
 */
import { encode } from "@colyseus/schema";
import { pack } from "msgpackr";
import { describe, expect, test } from "vitest";
import { ACTION_TYPES } from "../../../shared/rules/index.ts";
import { LIMITS } from "../../../shared/protocol/index.ts";
import { boxOf, decoded, sleep, until, type TestServer } from "../helpers.ts";
import { liveRoom } from "./game.ts";
import { probe, refused, SAMPLE_ACTIONS, table } from "./input-helpers.ts";

export function inputSuite(server: () => TestServer): void {
  describe("input the room refuses", () => {
    test("the authorization matrix: every action type out of phase, as a spectator, as a deputy, stale, for the room clock", async () => {
      const t = await table(server());
      const v = () => decoded(t.kz).version;
      for (const type of ACTION_TYPES) {
        const action = SAMPLE_ACTIONS[type];
        // A spectator may not act at all.
        await refused(t, t.spec, () => t.spec.send("action", { v: v(), action }), "ERR_SPECTATOR");
        // A stale version is refused before the rules see the action.
        await refused(t, t.kz, () => t.kz.send("action", { v: v() + 7, action }), "ERR_STALE_VERSION");
        // Claiming another seat in the payload is not part of the protocol.
        await refused(t, t.kz, () => t.kz.send("action", { v: v(), action, seat: "RU" }), "ERR_MALFORMED");
        if (type === "ready") continue;
        // Out of phase (the briefing), or not this seat's role: the rules refuse it.
        await refused(
          t,
          t.kz,
          () => t.kz.send("action", { v: v(), action }),
          /^ERR_(WRONG_PHASE|NOT_YOUR_ROLE|NO_PROPOSAL|NOT_CHAIR|NOTHING_TO_DO)$/,
        );
        await refused(
          t,
          t.deputy,
          () => t.deputy.send("action", { v: v(), action }),
          /^ERR_(WRONG_PHASE|NOT_YOUR_ROLE)$/,
        );
      }
      // Only the room clock may end a phase or inject news.
      await refused(
        t,
        t.ru,
        () => t.ru.send("action", { v: v(), action: SAMPLE_ACTIONS.inject }),
        "ERR_NOT_YOUR_ROLE",
      );
      await refused(
        t,
        t.ru,
        () => t.ru.send("action", { v: v(), action: { type: "timerExpired" } }),
        "ERR_NOT_YOUR_ROLE",
      );
      // Deputies do not mark ready; leaders mark ready once.
      await refused(
        t,
        t.deputy,
        () => t.deputy.send("action", { v: v(), action: { type: "ready" } }),
        "ERR_NOT_YOUR_ROLE",
      );
      const before = v();
      t.kz.send("action", { v: before, action: { type: "ready" } });
      await until(() => v() === before + 1, 3000, "KZ's ready");
      await refused(
        t,
        t.kz,
        () => t.kz.send("action", { v: v(), action: { type: "ready" } }),
        "ERR_ALREADY_DONE",
      );
      // Chat and mute: spectators do not chat; private chat is between two leaders; unknown seats.
      await refused(t, t.spec, () => t.spec.send("chat", { text: "hello" }), "ERR_SPECTATOR");
      await refused(t, t.deputy, () => t.deputy.send("chat", { text: "psst", to: "KZ" }), "ERR_NOT_A_LEADER");
      await refused(t, t.kz, () => t.kz.send("chat", { text: "to myself", to: "KZ" }), "ERR_NOT_A_LEADER");
      await refused(
        t,
        t.kz,
        () => t.kz.send("chat", { text: "to Uzbekistan", to: "UZ" }),
        "ERR_NOT_A_LEADER",
      );
      await refused(t, t.kz, () => t.kz.send("mute", { seat: "XX", muted: true }), "ERR_NO_SUCH_SEAT");
      await Promise.all([t.kz, t.ru, t.deputy, t.spec].map((r) => r.leave()));
    });

    test("chat: a muted seat is not heard by who muted it; a seat that chats too fast is told to wait", async () => {
      const t = await table(server());
      const [kzBox, ruBox, specBox] = [boxOf(t.kz), boxOf(t.ru), boxOf(t.spec)];
      // Each probe's answer says the room has taken up everything RU sent before it.
      t.ru.send("mute", { seat: "KZ", muted: true });
      await probe(t.ru);
      t.kz.send("chat", { text: "one" });
      await until(() => specBox.chat.length === 1 && kzBox.chat.length === 1, 3000, "the first line");
      // The line went to every reader at once; RU's probe is answered after it would have reached RU.
      await probe(t.ru);
      expect(ruBox.chat).toEqual([]);
      t.ru.send("mute", { seat: "KZ", muted: false });
      await probe(t.ru);
      t.kz.send("chat", { text: "two" });
      await until(() => ruBox.chat.length === 1, 3000, "the second line");
      expect(ruBox.chat[0]?.text).toBe("two");
      // Five lines per ten seconds: KZ has sent two, so three more pass and the sixth is refused.
      for (const text of ["3", "4", "5"]) t.kz.send("chat", { text });
      await until(() => specBox.chat.length === 5, 3000, "five lines");
      await refused(t, t.kz, () => t.kz.send("chat", { text: "6" }), "ERR_RATE_LIMITED");
      // The stored record has the five lines; a late joiner gets them as history.
      expect((await server().app.store.getGame(t.code))?.chat.map((c) => c.text)).toEqual([
        "one",
        "two",
        "3",
        "4",
        "5",
      ]);
      const late = await server().join(t.code, { spectator: true });
      await until(() => boxOf(late).history.length === 5, 3000, "the chat history");
      await Promise.all([t.kz, t.ru, t.deputy, t.spec, late].map((r) => r.leave()));
    });

    test("joins that are refused: a taken seat, an unknown seat, a stale or forged seat token", async () => {
      const srv = server();
      const t = await table(srv);
      await expect(srv.join(t.code, { seat: "KZ" })).rejects.toThrow(/ERR_SEAT_TAKEN/);
      await expect(srv.join(t.code, { seat: "US" })).rejects.toThrow(/ERR_NO_SUCH_SEAT/);
      await expect(srv.join(t.code, { seatToken: "forged-token" })).rejects.toThrow(/ERR_BAD_TOKEN/);
      // RU leaves; someone else takes the seat: RU's old token is stale now.
      const oldToken = t.boxes.get(t.ru)?.seat?.token;
      expect(oldToken).toBeTruthy();
      await t.ru.leave();
      const newcomer = await srv.join(t.code, { seat: "RU" });
      await expect(srv.join(t.code, { seatToken: oldToken })).rejects.toThrow(/ERR_BAD_TOKEN/);
      expect(decoded(t.kz).seats.RU?.holder).toBe("human");
      await Promise.all([t.kz, t.deputy, t.spec, newcomer].map((r) => r.leave()));
    });

    test("malformed payloads, unknown types and broken frames get an error; the client stays", async () => {
      const t = await table(server());
      const v = () => decoded(t.kz).version;
      for (const payload of [
        null,
        "ready",
        42,
        [],
        {},
        { v: "0", action: { type: "ready" } },
        { v: -1, action: { type: "ready" } },
      ]) {
        await refused(t, t.kz, () => t.kz.send("action", payload), /^ERR_(MALFORMED|INVALID_ACTION)$/);
      }
      await refused(
        t,
        t.kz,
        () => t.kz.send("action", { v: v(), action: { type: "nuke" } }),
        "ERR_INVALID_ACTION",
      );
      await refused(
        t,
        t.kz,
        () => t.kz.send("action", { v: v(), action: { type: "pledge", troops: -5 } }),
        "ERR_INVALID_ACTION",
      );
      await refused(
        t,
        t.kz,
        () => t.kz.send("action", { v: v(), action: { type: "ready", extra: 1 } }),
        "ERR_INVALID_ACTION",
      );
      await refused(t, t.kz, () => t.kz.send("chat", { text: "" }), "ERR_MALFORMED");
      await refused(
        t,
        t.kz,
        () => t.kz.send("chat", { text: "x".repeat(LIMITS.chatLength + 1) }),
        "ERR_MALFORMED",
      );
      await refused(t, t.kz, () => t.kz.send("mute", { seat: 5 }), "ERR_MALFORMED");
      await refused(t, t.kz, () => t.kz.send("launchMissiles", { now: true }), "ERR_UNKNOWN_MESSAGE");
      await refused(t, t.kz, () => t.kz.send(7, {}), "ERR_UNKNOWN_MESSAGE");
      // A frame whose payload is not MessagePack at all.
      const frame = (body: number[]) => {
        const head = new Uint8Array(64);
        head[0] = 13; // Protocol.ROOM_DATA
        const it = { offset: 1 };
        encode.string(head, "action", it);
        return new Uint8Array([...head.subarray(0, it.offset), ...body]);
      };
      await refused(t, t.kz, () => t.kz.connection.send(frame([0xc1, 0xc1, 0xc1])), "ERR_MALFORMED");
      await refused(
        t,
        t.kz,
        () => t.kz.connection.send(frame([...pack({ v: 0 }).subarray(0, 2)])),
        /^ERR_(MALFORMED|INVALID_ACTION)$/,
      );
      // After all that, KZ still plays.
      const before = v();
      t.kz.send("action", { v: before, action: { type: "ready" } });
      await until(() => v() === before + 1, 3000, "KZ's ready");
      await Promise.all([t.kz, t.ru, t.deputy, t.spec].map((r) => r.leave()));
    });

    test("random payloads and random bytes: every one answered, no state change, nobody dropped, the server alive", async () => {
      const srv = server();
      const t = await table(srv);
      let seed = 12345;
      const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const values = [
        null,
        true,
        -1,
        0,
        1e308,
        "",
        "ready",
        "x".repeat(300),
        [],
        [1, "a"],
        {},
        { type: "ready" },
        { v: 0 },
      ];
      const randomValue = (depth = 0): unknown =>
        depth < 2 && rnd() < 0.3
          ? Object.fromEntries(
              ["v", "action", "type", "text", "to", "seat", "muted", "troops"]
                .filter(() => rnd() < 0.4)
                .map((k) => [k, randomValue(depth + 1)]),
            )
          : pick(values);
      const senders = [t.kz, t.deputy, t.spec];
      const rounds = 30;
      await Promise.all(
        senders.map(async (room) => {
          for (let i = 0; i < rounds; i++) {
            if (rnd() < 0.3) {
              const bytes = Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
              // Protocol codes the server reads from a client: data, bytes, request.
              bytes[0] = pick([13, 17, 21]);
              room.connection.send(new Uint8Array(bytes));
            } else {
              room.send(pick(["action", "chat", "mute", "nonsense"]), randomValue());
            }
            await sleep(1000 / (LIMITS.messagesPerSecond - 5));
          }
        }),
      );
      // Every sender's messages are answered (and anything they queued is done before a later action).
      for (const room of senders) await probe(room);
      expect(liveRoom(t.code).actionLog.length).toBe(4);
      for (const room of senders) expect(room.connection.isOpen).toBe(true);
      const health = (await (await fetch(`${srv.url}/healthz`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      // The table still plays, and nothing the senders sent was accepted before KZ's ready.
      const v = decoded(t.kz).version;
      t.kz.send("action", { v, action: { type: "ready" } });
      await until(() => decoded(t.kz).version === v + 1, 3000, "KZ's ready");
      expect(liveRoom(t.code).actionLog.slice(4)).toEqual([{ seat: "KZ", action: { type: "ready" } }]);
      await Promise.all([t.kz, t.ru, t.deputy, t.spec].map((r) => r.leave()));
    });

    test("an oversized frame or a flood cuts that client off; the others play on", async () => {
      const srv = server();
      const t = await table(srv);
      let ruClosed = 0;
      t.ru.onLeave((code) => (ruClosed = code));
      t.ru.send("chat", { text: "x".repeat(LIMITS.maxFrameBytes + 100) });
      await until(() => ruClosed !== 0, 3000, "the oversized client to be cut off");
      expect(ruClosed).toBe(1009);

      let floodClosed = 0;
      t.deputy.onLeave((code) => (floodClosed = code));
      for (let i = 0; i < LIMITS.messagesPerSecond * 3; i++)
        t.deputy.send("mute", { seat: "KZ", muted: i % 2 === 0 });
      await until(() => floodClosed !== 0, 3000, "the flooding client to be cut off");

      // KZ was never limited or dropped: no error, and its action is the next one stored.
      const kzErrors = boxOf(t.kz).errors.length;
      const v = decoded(t.kz).version;
      t.kz.send("action", { v, action: { type: "ready" } });
      await until(() => decoded(t.kz).version === v + 1, 3000, "KZ's ready");
      const stored = await srv.app.store.getGame(t.code);
      const after = stored?.log.slice(v).map(({ seat, action }) => ({ seat, action })) ?? [];
      expect(after[0]).toEqual({ seat: "KZ", action: { type: "ready" } });
      // Nothing from the clients cut off. (Once RU's grace period ends its seat is open, and an open
      // seat holds no phase: the room clock may end the briefing right after KZ's ready.)
      expect(after.filter((entry) => entry.seat === "RU" || entry.seat === "RU.d1")).toEqual([]);
      await probe(t.kz);
      expect(boxOf(t.kz).errors.length).toBe(kzErrors + 1);
      expect(t.kz.connection.isOpen).toBe(true);
      expect(t.spec.connection.isOpen).toBe(true);
      await Promise.all([t.kz.leave(), t.spec.leave()]);
    });
  });
}
