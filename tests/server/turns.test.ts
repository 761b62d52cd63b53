/**
 * Turn discipline in real rooms (docs/game.md, "Turn discipline and pace"): whom the room waits on
 * (`waitingFor`), a bot's phase-ending move held for a person until that person decides or the
 * deliberation window passes, and open seats that no longer hold a phase.
 */
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, expect, test } from "vitest";
import { decoded, startServer, until, type TestServer } from "./helpers.ts";
import { playSeat } from "./players.ts";
import { liveRoom } from "./suites/game.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ defaults: { thinkMs: 20 } });
});
afterAll(() => srv.close());

/** Timers no test waits out: a phase that moves on here was moved on by the room's own logic. */
const HOUR = 3600;
const SLOW = {
  briefing: HOUR,
  appeal: HOUR,
  bilateral: HOUR,
  consultations: HOUR,
  council: HOUR,
  approvals: HOUR,
  deployment: HOUR,
};
const BOTS = { KZ: "historical", BY: "historical", AM: "historical", KG: "historical", TJ: "historical" };
const BOTS_BUT_KG = {
  KZ: "historical",
  BY: "historical",
  AM: "historical",
  RU: "historical",
  TJ: "historical",
};
const hasState = (room: Room) => !!(room.state as { seats?: unknown } | undefined)?.seats;
const inApprovals = (phase: string) => phase === "approvals" || phase === "deployment";

/**
 * Kyrgyzstan is a person (played by a historical bot on the client, up to the approvals); every
 * other leader is a server bot. Kyrgyzstan pledges, so its approval is pending when the approvals
 * open, and Russia's consent (whose aircraft carry the others) would open the deployment.
 */
async function kyrgyzstanAtApprovals(deliberationSeconds: number): Promise<{ ru: Room; from: number }> {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    seed: "turns-1",
    bots: BOTS_BUT_KG,
    timers: SLOW,
    thinkMs: 20,
    deliberationSeconds,
    seat: "KG",
  });
  await until(() => hasState(ru) && decoded(ru).phase === "briefing", 5000, "the briefing");
  expect(decoded(ru).waitingFor).toEqual(["KG"]);
  const player = playSeat(ru, "KG", "historical", undefined, (d) => !inApprovals(d.phase));
  await until(() => inApprovals(decoded(ru).phase), 20_000, "the approvals");
  player.stop();
  return { ru, from: liveRoom(ru.roomId).actionLog.length };
}

const pendingOf = (room: Room, id: string) =>
  (decoded(room).pub.approvals as Record<string, { status: string }> | undefined)?.[id]?.status;

test("a bot's move that would end the phase waits for the person still to decide, and comes after that person's decision", async () => {
  const { ru, from } = await kyrgyzstanAtApprovals(HOUR);
  // A consent would open the deployment: it is held while Kyrgyzstan has not decided on its own approval.
  await until(() => decoded(ru).holding, 10_000, "a bot to hold its move for Kyrgyzstan");
  expect(decoded(ru).phase).toBe("approvals");
  expect(decoded(ru).waitingFor).toEqual(["KG"]);
  expect(pendingOf(ru, "KG")).toBe("pending");
  const log = liveRoom(ru.roomId).actionLog;
  expect(log.slice(from).filter((entry) => entry.seat === "KG")).toEqual([]);
  const at = log.length;
  ru.send("action", { v: decoded(ru).version, action: { type: "withdrawPledge" } });
  await until(() => decoded(ru).phase === "deployment", 10_000, "the deployment");
  const after = liveRoom(ru.roomId).actionLog.slice(at);
  expect(after[0]).toEqual({ seat: "KG", action: { type: "withdrawPledge" } });
  // The move that was held is the next one: a bot's, which opened the deployment.
  expect(after[1]?.seat).not.toBe("KG");
  expect(after[1]?.action.type).toBe("submitApproval");
  expect(decoded(ru).holding).toBe(false);
  await ru.leave();
});

test("when the deliberation window has passed, the held move goes ahead without the person", async () => {
  const { ru, from } = await kyrgyzstanAtApprovals(2.5);
  await until(() => decoded(ru).holding, 10_000, "a bot to hold its move for Kyrgyzstan");
  expect(decoded(ru).phase).toBe("approvals");
  // The window's own timer asks the bots again: nobody acts here.
  await until(() => decoded(ru).phase === "deployment", 15_000, "the window to pass");
  const log = liveRoom(ru.roomId).actionLog.slice(from);
  expect(log.filter((entry) => entry.seat === "KG" || entry.seat === "system")).toEqual([]);
  expect(pendingOf(ru, "KG")).toBe("pending");
  // Kyrgyzstan still has its approval to decide on in the deployment: the room still waits for it.
  expect(decoded(ru).waitingFor).toContain("KG");
  await ru.leave();
});

/** Russia is a person who says nothing in consultations; pragmatic bots elsewhere (their chair calls the vote when it sees fit). */
async function russiaInConsultations(deliberationSeconds: number): Promise<Room> {
  const B = "pragmatic";
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    seed: "p1",
    bots: { KZ: B, BY: B, AM: B, KG: B, TJ: B },
    timers: SLOW,
    thinkMs: 20,
    deliberationSeconds,
    seat: "RU",
  });
  await until(() => hasState(ru) && decoded(ru).phase === "briefing", 5000, "the briefing");
  ru.send("action", { v: decoded(ru).version, action: { type: "ready" } });
  await until(
    () => decoded(ru).phase === "consultations" && decoded(ru).holding,
    20_000,
    "the chair's held call",
  );
  expect(decoded(ru).waitingFor).toEqual(["RU"]);
  expect((decoded(ru).pub.positions as Record<string, string> | undefined)?.RU).toBeUndefined();
  return ru;
}

const callsOf = (room: Room) =>
  liveRoom(room.roomId).actionLog.filter((entry) => entry.action.type === "callVote");

test("the bot chair does not call the vote while the person has not spoken on the text; the person's position ends the hold", async () => {
  const ru = await russiaInConsultations(HOUR);
  expect(callsOf(ru)).toEqual([]);
  const at = liveRoom(ru.roomId).actionLog.length;
  ru.send("action", { v: decoded(ru).version, action: { type: "position", stance: "standAside" } });
  await until(() => decoded(ru).phase === "council", 10_000, "the vote");
  const after = liveRoom(ru.roomId).actionLog.slice(at);
  expect(after[0]).toEqual({ seat: "RU", action: { type: "position", stance: "standAside" } });
  expect(after.at(-1)).toMatchObject({ seat: "AM", action: { type: "callVote" } });
  await ru.leave();
});

test("the bot chair calls the vote without the silent person once the window has passed", async () => {
  const ru = await russiaInConsultations(2.5);
  await until(() => decoded(ru).phase === "council", 15_000, "the window to pass");
  expect(callsOf(ru).length).toBe(1);
  expect(
    liveRoom(ru.roomId)
      .actionLog.filter((entry) => entry.seat === "RU")
      .map((e) => e.action.type),
  ).toEqual(["ready"]);
  await ru.leave();
});

test("open seats do not hold the briefing: when every person is ready the phase moves on at once", async () => {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    bots: { KZ: "historical", AM: "historical" },
    timers: { ...SLOW, briefing: 24 * HOUR },
    deliberationSeconds: 60,
    seat: "RU",
  });
  await until(() => hasState(ru) && decoded(ru).pub.ready !== undefined, 5000, "the bots' readiness");
  await until(() => (decoded(ru).pub.ready as string[]).length === 2, 5000, "the bots' readiness");
  expect(decoded(ru).phase).toBe("briefing");
  expect(decoded(ru).seats.BY?.holder).toBe("open");
  expect(decoded(ru).waitingFor).toEqual(["RU"]);
  ru.send("action", { v: decoded(ru).version, action: { type: "ready" } });
  await until(() => decoded(ru).phase !== "briefing", 5000, "the briefing to end");
  const log = liveRoom(ru.roomId).actionLog;
  // The room clock ended it right after the last person's ready, with the open seats not ready.
  expect(log.slice(0, 4).map((entry) => entry.seat)).toEqual(["AM", "KZ", "RU", "system"]);
  expect(log[3]?.action.type).toBe("timerExpired");
  await ru.leave();
});

test("a historical chair, which waits for everyone to speak, calls the vote without the silent person once the window has passed", async () => {
  const ru = await srv.create({
    scenario: "kazakhstan-2022-01",
    seed: "turns-silent",
    bots: BOTS,
    timers: SLOW,
    thinkMs: 20,
    deliberationSeconds: 2.5,
    seat: "RU",
  });
  await until(() => hasState(ru) && decoded(ru).phase === "briefing", 5000, "the briefing");
  ru.send("action", { v: decoded(ru).version, action: { type: "ready" } });
  // Russia never speaks; the timers run for an hour, so only the window can bring the vote.
  await until(() => decoded(ru).phase === "council", 20_000, "the window to pass");
  expect(callsOf(ru)).toMatchObject([{ seat: "AM", action: { type: "callVote" } }]);
  expect((decoded(ru).pub.positions as Record<string, string> | undefined)?.RU).toBeUndefined();
  await ru.leave();
});
